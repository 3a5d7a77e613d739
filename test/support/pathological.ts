/**
 * Pathological plan texts, built in memory and deterministically, and a compact report of what
 * `analyze` makes of one. Shared by test/unit/pathological.test.ts and the child process that
 * runs the big cases (test/support/analyze-child.ts), so a freeze or a crash is contained there.
 */
import { LineIndex, type Finding } from '../../server/src/core';
import { analyzeDocument } from '../../server/src/core/analyze';
import { parseDocument } from '../../server/src/core/json/parse';
import { readExample } from './fixtures';

export const MB = 1024 * 1024;

const complete = (): Record<string, unknown> => JSON.parse(readExample('complete.gpuplan.json')) as Record<string, unknown>;
const stringify = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

/** The complete example with `overview.necessity` replaced by `necessity` (raw JSON text). */
function withNecessity(raw: string): string {
  const plan = complete();
  (plan.overview as Record<string, unknown>).necessity = '@@NECESSITY@@';
  return stringify(plan).replace('"@@NECESSITY@@"', () => raw);
}

/** Bullets of realistic Korean prose until the text reaches `bytes` characters. */
function bulletsOfSize(size: number): string[] {
  const bullets: string[] = [];
  let total = 0;
  for (let i = 0; total < size; i++) {
    const bullet = `필요성 ${i + 1}: 법령·행정문서 처리에 특화된 한국어 언어모델(LLM, Large Language Model)을 학습하여 공공 민원 검토 시간을 ${(i % 50) + 10}% 줄인다.`;
    bullets.push(bullet);
    total += bullet.length + 8;
  }
  return bullets;
}

const deepArrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
const deepObjects = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** Every big input by id; each is a pure function of its id. */
export const BIG_INPUTS: Readonly<Record<string, () => string>> = {
  'plan-10mb-bullets': () => {
    const plan = complete();
    (plan.overview as Record<string, unknown>).necessity = bulletsOfSize(10 * MB);
    return stringify(plan);
  },
  'plan-10mb-string': () => {
    const plan = complete();
    plan.projectTitle = '한국어 법령 특화 언어모델 '.repeat(Math.ceil((10 * MB) / 15));
    return stringify(plan);
  },
  'nesting-100k-arrays': () => deepArrays(100_000),
  'nesting-100k-objects': () => deepObjects(100_000),
  'nesting-100k-in-plan': () => withNecessity(deepArrays(100_000)),
  'nesting-100k-after-unterminated-string': () => `{"projectTitle": "x\n, "overview": ${deepArrays(100_000)}}`,
  'nesting-100k-after-quote-in-comment': () => `{"projectTitle": /* " */ ${deepArrays(100_000)}}`,
  'array-1m-numbers-as-plan': () => '[' + new Array<string>(1_000_000).fill('0').join(',') + ']',
  'array-1m-wrong-staff': () => '{"staff": [' + new Array<string>(1_000_000).fill('1').join(',') + ']}',
  'array-1m-strings-in-text': () => withNecessity('[' + new Array<string>(1_000_000).fill('"가"').join(',') + ']'),
  'array-1m-numbers-in-text': () => withNecessity('[' + new Array<string>(1_000_000).fill('1').join(',') + ']'),
  'array-10k-numbers-in-text': () => `{"overview": {"necessity": [${new Array<string>(10_000).fill('1').join(',')}]}}`,
  'string-1mb-title': () => {
    const plan = complete();
    plan.projectTitle = 'a'.repeat(MB);
    return stringify(plan);
  },
  'string-1mb-in-text': () => {
    // Prose with the patterns the text rules look for, so their regexes run over the whole megabyte.
    const unit = '국가 AI 컴퓨팅 자원을 활용하여 GPU 학습을 추진할 수도 있다. ★ 작성요령 000 ';
    return withNecessity(JSON.stringify([unit.repeat(Math.ceil(MB / unit.length))]));
  },
  'findings-200k-vague': () => withNecessity('[' + new Array<string>(200_000).fill('"해외 진출을 추진할 수도 있음"').join(',') + ']'),
  'duplicate-keys-200k': () => '{' + new Array<string>(200_000).fill('"projectTitle": "a"').join(', ') + '}',
};

export interface FindingSummary {
  readonly code: string;
  readonly severity: string;
  readonly offset: number;
  readonly length: number;
  readonly message: string;
  readonly start: { line: number; character: number };
  readonly end: { line: number; character: number };
  readonly keyword?: string;
  readonly related?: ReadonlyArray<{ offset: number; length: number; message: string }>;
}

export interface AnalyzeReport {
  readonly length: number;
  readonly ms: number;
  /** The exception, when analyze threw (message and the top of the stack). */
  readonly error?: string;
  readonly findingCount: number;
  /** Findings per code; a code with none is absent. */
  readonly byCode: Readonly<Partial<Record<string, number>>>;
  /** The first findings, in document order. */
  readonly findings: readonly FindingSummary[];
  /** Findings (or related locations) whose span is not inside the text. */
  readonly outOfRange: readonly string[];
  /** Properties that appeared on Object.prototype (or Array/Function.prototype) while analysing. */
  readonly pollution: readonly string[];
}

const PROTOTYPES: ReadonlyArray<[string, object]> = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
];

const snapshot = (): string[] => PROTOTYPES.flatMap(([name, proto]) => Reflect.ownKeys(proto).map((key) => `${name}.${String(key)}`));

const MAX_LISTED = 300;

/** Analyses `text` (English messages) and summarises what came out. Never throws. */
export function analyzeReport(text: string): AnalyzeReport {
  const before = new Set(snapshot());
  const probe = {} as Record<string, unknown>;
  let findings: Finding[] = [];
  let error: string | undefined;
  const start = process.hrtime.bigint();
  try {
    findings = analyzeDocument(parseDocument(text), { locale: 'en' }).findings;
  } catch (e) {
    error = e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 8).join('\n') : String(e);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const pollution = snapshot().filter((key) => !before.has(key));
  for (const key of ['polluted', 'isAdmin', 'x']) if (probe[key] !== undefined) pollution.push(`({}).${key}`);

  const lines = new LineIndex(text);
  const byCode: Partial<Record<string, number>> = {};
  const outOfRange: string[] = [];
  const inText = (offset: number, length: number) =>
    Number.isInteger(offset) && Number.isInteger(length) && offset >= 0 && length >= 0 && offset + length <= text.length;
  for (const f of findings) {
    byCode[f.code] = (byCode[f.code] ?? 0) + 1;
    if (!inText(f.offset, f.length) && outOfRange.length < 10)
      outOfRange.push(`${f.code} ${f.offset}+${f.length} of ${text.length}: ${f.message.slice(0, 100)}`);
    for (const r of f.related ?? [])
      if (!inText(r.offset, r.length) && outOfRange.length < 10) outOfRange.push(`${f.code} related ${r.offset}+${r.length} of ${text.length}`);
  }
  return {
    length: text.length,
    ms,
    error,
    findingCount: findings.length,
    byCode,
    findings: findings.slice(0, MAX_LISTED).map((f) => ({
      code: f.code,
      severity: f.severity,
      offset: f.offset,
      length: f.length,
      message: f.message.length > 500 ? f.message.slice(0, 500) + '…' : f.message,
      start: lines.positionAt(f.offset),
      end: lines.positionAt(f.offset + f.length),
      keyword: (f.data as { keyword?: string } | undefined)?.keyword,
      related: f.related?.map((r) => ({ offset: r.offset, length: r.length, message: r.message })),
    })),
    outOfRange,
    pollution,
  };
}

/** Warms the core up (the schema compiles on first use) so that only the case is timed. */
export function warmUp(): void {
  for (let i = 0; i < 3; i++) analyzeDocument(parseDocument(readExample('skeleton.gpuplan.json')), { locale: 'en' });
}
