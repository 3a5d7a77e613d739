/**
 * The 표지 table: applicant, contacts, GPU 수요, 과제정보, 목표 성과, 공개 계획 (checked boxes
 * as values) and the pledge with its signature lines. Cells are found by their labels, so a table
 * laid out a little differently (merged or split cells) still reads.
 */
import { msg } from '../core/l10n';
import { GPU_TYPE_NAMES } from '../core/figures';
import type { Context, PlanValue } from './context';
import {
  FIELD_LABELS,
  LICENSE_LABELS,
  OPEN_PLATFORM_LABELS,
  PLEDGE_TEXT,
  PUBLICATION_LABELS,
  STAGE_LABELS,
  TARGET_LABELS,
  TYPE_LABELS,
  keyOfLabel,
} from './form-text';
import type { Anchor, Table } from './read';
import { hasBoxes, isPlaceholder, loose, otherText, parseBoxes, parseDateText, parseNumber, parsePercent, type Box } from './values';

const PLACE = '표지';

/** Whether a table is the form's 표지 table. */
export function isCoverTable(table: Table): boolean {
  const texts = new Set(table.rows.flat().map((a) => loose(a.text)));
  const has = (label: string) => texts.has(loose(label));
  return has('신청과제명') && (has('GPU 수요') || has('기업(관)명') || has('신청기업(관)'));
}

export const find = (table: Table, pattern: RegExp): Anchor[] => table.rows.flat().filter((a) => pattern.test(loose(a.text)));
export const rightOf = (table: Table, a: Anchor): Anchor | undefined => table.grid[a.row]?.[a.col + a.colSpan];
export const leftOf = (table: Table, a: Anchor): Anchor | undefined => (a.col > 0 ? table.grid[a.row]?.[a.col - 1] : undefined);
export const below = (table: Table, a: Anchor): Anchor | undefined => table.grid[a.row + a.rowSpan]?.[a.col];

/** Words of a value cell, lines joined (a PDF cell breaks its lines). */
export const joined = (text: string): string =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ');

/** A date of the form written as 1983.09.02. / 19830902 / 1983-09-02. */
const dateValue = (text: string): string | undefined => parseDateText(text.replace(/\s+/g, ''));

function registration(text: string): string {
  const digits = text.replace(/\D/g, '');
  return digits.length === 10 && !/-/.test(text) ? `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}` : joined(text);
}

/** The boxes of a cell mapped to keys; "기타( x )" gives its text. */
function chosen(boxes: readonly Box[], labels: ReadonlyArray<readonly [string, string]>): { keys: string[]; other?: string; unknown: string[] } {
  const keys: string[] = [];
  const unknown: string[] = [];
  let other: string | undefined;
  for (const box of boxes) {
    const key = keyOfLabel(box.label, labels) ?? (/^기타/.test(box.label) ? 'other' : undefined);
    if (key === 'other' || /^기타/.test(box.label)) {
      const text = otherText(box.label);
      if (box.checked || text) {
        if (!keys.includes('other')) keys.push('other');
        if (text) other = text;
      }
      continue;
    }
    if (!key) {
      if (box.checked) unknown.push(box.label);
      continue;
    }
    if (box.checked && !keys.includes(key)) keys.push(key);
  }
  return { keys, other, unknown };
}

export function mapCover(ctx: Context, table: Table): void {
  const value = (label: RegExp, path: string, convert: (text: string) => PlanValue | undefined = joined, pick?: (a: Anchor) => boolean): void => {
    for (const a of find(table, label)) {
      if (pick && !pick(a)) continue;
      a.used = true;
      const v = rightOf(table, a);
      if (!v || v.used) continue;
      v.used = true;
      const text = v.text.trim();
      if (!text) continue;
      if (isPlaceholder(text)) {
        ctx.placeholder(PLACE, v.where, text, path);
        continue;
      }
      const converted = convert(text);
      if (converted === undefined || converted === '') ctx.unmapped(PLACE, v.where, text, msg('cannot read this as {0}', a.text.replace(/\n/g, ' ')));
      else ctx.set(path, converted, PLACE, v.where, text);
    }
  };
  // Labels of the form (used: the form's words).
  for (const a of find(
    table,
    /^(사업수행계획서opentrack|신청기업관$|담당$|총괄책임자$|실무책임자$|gpu수요$|과제정보$|과제목표성과$|과제결과물공개계획$|오픈소스\/모델|연구성과물공개)/,
  ))
    a.used = true;

  value(/^신청과제명$/, 'projectTitle');
  for (const a of find(table, /^과제번호$/)) {
    a.used = true;
    const v = rightOf(table, a);
    if (v) {
      v.used = true;
      if (v.text && !isPlaceholder(v.text))
        ctx.unmapped(PLACE, v.where, v.text, msg('the project number is given after selection; the plan has no field for it'));
    }
  }
  value(/^기업관명$/, 'applicant.name');
  value(/^홈페이지주소$/, 'applicant.homepage', (t) => joined(t).replace(/\s+/g, ''));
  value(/^주소$/, 'applicant.address');
  value(/^사업자등록번호/, 'applicant.registrationNumber', registration);
  value(/^유형$/, 'applicant.type', (t) => single(ctx, t, TYPE_LABELS, 'applicant.type'));
  value(/^청년기업여부$/, 'applicant.youthCompany', (t) => {
    const boxes = parseBoxes(t);
    const yes = boxes.find((b) => /^해당/.test(b.label));
    const no = boxes.find((b) => /^미해당/.test(b.label));
    if (yes?.checked && !no?.checked) return true;
    if (no?.checked && !yes?.checked) return false;
    return boxes.length > 0 ? (ctx.note('placeholder', PLACE, {}, '청년기업 여부', msg('no box (or both) checked'), 'applicant.youthCompany'), '') : undefined;
  });

  // 담당: 총괄책임자 / 실무책임자, each four rows of label–value pairs.
  const roleOf = (a: Anchor): 'lead' | 'manager' | undefined => {
    for (let c = a.col - 1; c >= 0; c--) {
      const t = loose(table.grid[a.row]?.[c]?.text ?? '');
      if (t === '총괄책임자') return 'lead';
      if (t === '실무책임자') return 'manager';
    }
    return undefined;
  };
  const contactFields: ReadonlyArray<readonly [RegExp, string, ((t: string) => PlanValue | undefined)?]> = [
    [/^소속$/, 'affiliation'],
    [/^직위$/, 'position'],
    [/^성명$/, 'name'],
    [/^생년월일$/, 'birthDate', dateValue],
    [/^직통전화$/, 'phone', (t) => joined(t).replace(/\s+/g, '')],
    [/^휴대전화$/, 'mobile', (t) => joined(t).replace(/\s+/g, '')],
    [/^e-?mail$/, 'email', (t) => joined(t).replace(/\s+/g, '')],
    [/^국가연구자번호$/, 'researcherNumber', (t) => (/^해당\s*없음$/.test(joined(t)) ? undefined : joined(t).replace(/\s+/g, ''))],
  ];
  for (const [label, key, convert] of contactFields) {
    for (const a of find(table, label)) {
      const role = roleOf(a);
      if (!role) continue;
      if (key === 'researcherNumber') {
        const v = rightOf(table, a);
        if (v && /^해당\s*없음$/.test(joined(v.text))) {
          a.used = true;
          v.used = true;
          continue;
        }
      }
      value(label, `contacts.${role}.${key}`, convert, (x) => x === a);
    }
  }

  // GPU 수요: the labels in one row, the values in the next.
  for (const a of find(table, /^gpu기종$/)) {
    a.used = true;
    for (const l of table.rows[a.row]) if (l !== a && /서버수|활용신청기간/.test(loose(l.text))) l.used = true;
    const row = table.rows[a.row + 1] ?? [];
    const cells = row.filter((c) => !/^gpu수요$/.test(loose(c.text)));
    const text = cells.map((c) => joined(c.text)).join(' ');
    for (const c of cells) c.used = true;
    const where = cells[0]?.where ?? a.where;
    const type = GPU_TYPE_NAMES.find((name) => new RegExp(`\\b${name}\\b`).test(text));
    if (/또는/.test(text) || /최소.*최대/.test(text) || /00\s*개월/.test(text)) ctx.placeholder(PLACE, where, text, 'gpu');
    else {
      if (type) ctx.set('gpu.type', type, PLACE, where, text);
      const servers = /(\d+)\s*서버(?!\s*=)/.exec(text) ?? /서버\s*(\d+)\s*대/.exec(text);
      if (servers) ctx.set('gpu.servers', Number(servers[1]), PLACE, where, text);
      const months = /(\d+)\s*개월/.exec(text);
      if (months) ctx.set('gpu.months', Number(months[1]), PLACE, where, text);
      if (!type && !servers && !months && text) ctx.unmapped(PLACE, where, text, msg('cannot read the GPU type, servers and months here'));
    }
  }

  value(/^연구\/개발분야/, 'projectInfo.fields', (t) => {
    const { keys, other, unknown } = chosen(parseBoxes(t), FIELD_LABELS);
    if (other) ctx.set('projectInfo.fieldOther', other, PLACE, {}, t);
    for (const u of unknown) ctx.unmapped(PLACE, {}, u, msg('a checked box the form does not have'));
    return keys.length > 0 ? keys : (ctx.placeholder(PLACE, {}, '연구/개발분야', 'projectInfo.fields'), undefined);
  });
  value(/^현연구\/개발단계/, 'projectInfo.stage', (t) => {
    const progress = /진척율[^:：]*[:：]\s*([\d.]+)\s*%/.exec(t.replace(/\n/g, ' '));
    if (progress) ctx.set('projectInfo.stageProgressPercent', Number(progress[1]), PLACE, {}, progress[0]);
    return single(ctx, t, STAGE_LABELS, 'projectInfo.stage') || undefined;
  });

  // 과제 목표 성과: labels in one row, values under them.
  const targets: ReadonlyArray<readonly [RegExp, (text: string, where: Anchor['where']) => void]> = [
    [
      /^gpu사용률/,
      (t, w) => {
        percentInto(ctx, t, 'targets.gpuUtilizationPercent', w);
      },
    ],
    [
      /^과제진도율/,
      (t, w) => {
        percentInto(ctx, t, 'targets.progressPercent', w);
      },
    ],
    [
      /^경제적성과/,
      (t, w) => {
        counts(ctx, t, w, [
          [/매출/, '억원', 'targets.revenueHundredMillionWon'],
          [/투자유치/, '건', 'targets.investmentCount'],
        ]);
      },
    ],
    [
      /^기술성과/,
      (t, w) => {
        counts(ctx, t, w, [
          [/특허/, '건', 'targets.patents'],
          [/기술이전/, '건', 'targets.techTransfers'],
          [/논문/, '건', 'targets.papers'],
        ]);
      },
    ],
  ];
  for (const [label, read] of targets) {
    for (const a of find(table, label)) {
      a.used = true;
      const v = below(table, a);
      if (!v || v.used) continue;
      v.used = true;
      if (v.text.trim()) read(v.text, v.where);
    }
  }

  // 공개 계획.
  const openSource: Record<string, PlanValue> = {};
  const publications: Record<string, PlanValue> = {};
  let openSourceApplies = false;
  let publicationsApply = false;
  for (const a of find(table, /^오픈소스공개대상$/)) {
    a.used = true;
    const v = rightOf(table, a);
    if (!v) continue;
    v.used = true;
    const text = v.text.replace(/\n/g, ' ');
    const scope = /코드\s*공개\s*[(（]([^)）]*)[)）]/.exec(text);
    const outside = scope ? text.replace(scope[0], '코드 공개') : text;
    const boxes = parseBoxes(outside);
    const keys: string[] = [];
    for (const box of boxes) {
      const key = keyOfLabel(box.label, TARGET_LABELS);
      if (box.checked && key && !keys.includes(key)) keys.push(key);
      if (key === 'partial') {
        const items = /항목\s*[:：]\s*(.*?)\s*\)?\s*$/.exec(box.label)?.[1]?.trim();
        if (items) openSource.partialItems = items;
      }
    }
    if (scope) {
      const parts = parseBoxes(scope[1]);
      const codeScope = parts
        .filter((p) => p.checked)
        .map((p) => (/학습/.test(p.label) ? 'training' : /추론/.test(p.label) ? 'inference' : ''))
        .filter(Boolean);
      if (codeScope.length > 0) openSource.codeScope = codeScope;
      if (parts.some((p) => p.checked) && !keys.includes('code')) keys.splice(Math.min(1, keys.length), 0, 'code');
    }
    const ordered = TARGET_LABELS.map(([k]) => k).filter((k) => keys.includes(k));
    if (ordered.length > 0) {
      openSource.targets = ordered;
      openSourceApplies = true;
    }
  }
  for (const a of find(table, /^공개플랫폼$/)) {
    a.used = true;
    const v = rightOf(table, a);
    if (!v) continue;
    v.used = true;
    const isPublications = table.grid[a.row].slice(0, a.col).some((c) => /연구성과물공개/.test(loose(c?.text ?? '')));
    const { keys, other } = chosen(parseBoxes(v.text.replace(/\n/g, ' ')), isPublications ? PUBLICATION_LABELS : OPEN_PLATFORM_LABELS);
    if (keys.length === 0) continue;
    if (isPublications) {
      publications.platforms = keys;
      if (other) publications.platformOther = other;
      publicationsApply = true;
    } else {
      openSource.platforms = keys;
      if (other) openSource.platformOther = other;
      openSourceApplies = true;
    }
  }
  for (const a of find(table, /^배포라이선스$/)) {
    a.used = true;
    const v = rightOf(table, a);
    if (!v) continue;
    v.used = true;
    const { keys, other } = chosen(parseBoxes(v.text.replace(/\n/g, ' ')), LICENSE_LABELS);
    if (keys.length > 0) {
      openSource.licenses = keys;
      if (other) openSource.licenseOther = other;
      openSourceApplies = true;
    }
  }
  if (openSourceApplies) ctx.set('disclosure.openSource', openSource, PLACE, {});
  if (publicationsApply) ctx.set('disclosure.publications', publications, PLACE, {});

  // The pledge and its signature lines.
  for (const a of table.rows.flat()) {
    if (a.used || !loose(a.text).includes(loose(PLEDGE_TEXT).slice(0, 30))) continue;
    a.used = true;
    // The form puts the signature lines (년 월 일, 기업(관)명 (직인), 총괄책임자 (인/서명)) in the
    // row under the pledge; a document may also keep them in its cell.
    const signature = /\(\s*직인\s*\)|\(\s*인\s*\/?\s*서명\s*\)/.test(a.text)
      ? undefined
      : table.rows.flat().find((b) => !b.used && b.row > a.row && /\(\s*직인\s*\)|\(\s*인\s*\/?\s*서명\s*\)/.test(b.text));
    if (signature) signature.used = true;
    mapPledge(ctx, signature ? `${a.text}\n${signature.text}` : a.text, a.where);
  }
  // Anything else in the table: the form's notes, or not mapped.
  for (const a of table.rows.flat()) {
    if (a.used || !a.text.trim()) continue;
    a.used = true;
    if (/^정보통신산업진흥원귀하$/.test(loose(a.text))) continue;
    ctx.unmapped(PLACE, a.where, a.text, msg('a cell of the 표지 table that has no field in the plan'));
  }
}

/** One checked box of a single choice (유형, 현 연구/개발단계). */
function single(ctx: Context, text: string, labels: ReadonlyArray<readonly [string, string]>, path: string): string {
  const boxes = parseBoxes(text.split('\n')[0] ?? text);
  const checked = boxes
    .filter((b) => b.checked)
    .map((b) => keyOfLabel(b.label, labels))
    .filter((k): k is string => k !== undefined);
  if (checked.length === 1) return checked[0];
  if (checked.length > 1)
    ctx.note('conflict', PLACE, {}, text.split('\n')[0], msg('more than one box checked where the form asks for one; none was taken'), path);
  else if (hasBoxes(text)) ctx.placeholder(PLACE, {}, text.split('\n')[0], path);
  return '';
}

function percentInto(ctx: Context, text: string, path: string, where: Anchor['where']): void {
  const t = joined(text);
  if (/^0+\s*%$/.test(t)) {
    ctx.placeholder(PLACE, where, t, path);
    return;
  }
  const n = parsePercent(t);
  if (n === undefined) ctx.unmapped(PLACE, where, t, msg('not a percentage'), undefined);
  else ctx.set(path, n, PLACE, where, t);
}

/** "매출 15억원 / 투자유치 1건", or the form's "( 15 )억원 ( 1 )건": by the words, else in order. */
function counts(ctx: Context, text: string, where: Anchor['where'], parts: ReadonlyArray<readonly [RegExp, string, string]>): void {
  const t = joined(text);
  const slots = [...t.matchAll(/(?:([가-힣·]+)\s*)?[(（]?\s*([\d.,]*)\s*[)）]?\s*(억원|건)/g)];
  // Without a word, the nth slot of a unit is the nth part of that unit.
  const seen = new Map<string, number>();
  for (const slot of slots) {
    const [, word, number, unit] = slot as unknown as [string, string | undefined, string | undefined, string];
    const index = seen.get(unit) ?? 0;
    seen.set(unit, index + 1);
    const byUnit: ReadonlyArray<(typeof parts)[number] | undefined> = parts.filter(([, u]) => u === unit);
    const part = (word && parts.find(([p]) => p.test(word))) || byUnit[index];
    if (!part) continue;
    if (number === '' || number === undefined) continue;
    const n = parseNumber(number);
    if (n !== undefined) ctx.set(part[2], n, PLACE, where, slot[0]);
  }
  if (slots.length === 0 && !/해당\s*없음/.test(t)) ctx.unmapped(PLACE, where, t, msg('cannot read the targets here'));
}

/** The pledge cell: the sentence, its date, 기업(관)명 (직인) and 총괄책임자 (인/서명). */
export function mapPledge(ctx: Context, text: string, where: Anchor['where']): void {
  const place = '표지 › 서약';
  const flat = text.replace(/\n/g, ' ');
  const date = parseDateText(flat.replace(loose(PLEDGE_TEXT), ''));
  const organization = /기업\s*\(관\)\s*명\s*[:：]\s*(.*?)\s*\(\s*직인\s*\)/.exec(flat)?.[1]?.trim();
  const lead = /총괄\s*책임자\s*[:：]\s*(.*?)\s*\(\s*인\s*\/?\s*서명\s*\)/.exec(flat)?.[1]?.trim();
  if (date) ctx.set('pledge.date', date, place, where);
  if (organization) ctx.set('pledge.organizationName', organization, place, where);
  if (lead) ctx.set('pledge.leadName', lead, place, where);
  if (date || organization || lead) ctx.set('pledge.agreed', true, place, where);
  else
    ctx.note(
      'placeholder',
      place,
      where,
      '년 월 일 / 기업(관)명 : (직인) / 총괄책임자: (인/서명)',
      msg('the pledge is not signed: no date and no names'),
      'pledge',
    );
}
