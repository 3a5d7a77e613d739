/**
 * What a hover says about a place, short enough for a small window: the problems found there,
 * the field's form label with its description in the UI language, the allowed range, and for
 * money and GPU fields the computed amount (one line). The texts from the schema are markdown;
 * the computed lines are plain text, and the language server escapes them for markdown, so
 * text from the document cannot inject links, images or command: URIs.
 */
import type { Analysis } from './analyze';
import { costTable } from './cost/table';
import { GPUS_PER_SERVER, GPU_TYPES, MONTHS } from './figures';
import { SEVERITY_RANK, type Finding } from './findings';
import { groupThousands } from './format';
import type { JsonPath } from './json/tree';
import { localize, type Locale } from './l10n';
import { resolveRef, schemaAt } from './schema/lookup';

export interface HoverFacts {
  /** The findings at the hovered offset, most severe first. */
  readonly findings: readonly Finding[];
  /** The form's label of the field (Korean, as printed on the form), e.g. "서버 수". */
  readonly label?: string;
  /** The field's key path, e.g. "gpu.servers". */
  readonly path?: string;
  /** Markdown, in the UI language: the field's description, or the hovered enum value's. */
  readonly description?: string;
  /** Plain text: "허용 범위: …". */
  readonly allowed?: string;
  /** Plain text: the amount (with the payer policy), or a stage's GPU-hours. */
  readonly amount?: string;
}

/** The part of a bilingual schema text in `locale`. */
const inLocale = (markdown: string, locale: Locale): string => {
  const [ko, en] = markdown.split(/\n\n\*EN:\*\s*/);
  return (locale === 'en' && en ? en : ko).trim();
};

/** At most about three lines: whole sentences up to ~220 characters. */
function short(text: string, max = 220): string {
  const paragraph = text.split(/\n\n/)[0];
  if (paragraph.length <= max) return paragraph;
  const sentences = paragraph.match(/[^.!?。]+[.!?。]+(\s+|$)/g) ?? [];
  let out = '';
  for (const sentence of sentences) {
    if ((out + sentence).length > max) break;
    out += sentence;
  }
  return (out.trim() || paragraph.slice(0, max)).trimEnd() + (out.trim().length < paragraph.length ? ' …' : '');
}

/**
 * The facts of a hover at `path`; `at` is the hovered span (a key hovers its whole property),
 * `value` the hovered value (for an enum value's own description).
 */
export function hoverFacts(
  analysis: Analysis,
  path: JsonPath,
  locale: Locale,
  at?: { readonly offset: number; readonly length: number },
  value?: unknown,
): HoverFacts {
  const t = (message: string, ...args: Array<string | number>) => localize(locale, message, ...args);
  const findings =
    at === undefined
      ? []
      : analysis.findings
          .filter((f) => f.offset <= at.offset + at.length && at.offset <= f.offset + f.length)
          .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.offset - a.offset);

  // The nearest described field: a bullet inside a text field is described by the field.
  let fieldPath = path;
  let schema = resolveRef(schemaAt(fieldPath));
  while (fieldPath.length > 0 && !schemaAt(fieldPath)?.title && !schema?.title) {
    fieldPath = fieldPath.slice(0, -1);
    schema = resolveRef(schemaAt(fieldPath));
  }
  const node = schemaAt(fieldPath);
  const label = node?.title ?? schema?.title;
  const enumIndex = value !== undefined ? (schema?.enum?.indexOf(value) ?? -1) : -1;
  const enumText = enumIndex >= 0 ? schema?.markdownEnumDescriptions?.[enumIndex] : undefined;
  const described = enumText
    ? (() => {
        const [ko, en] = enumText.split(' — ');
        return (locale === 'en' && en ? en.replace(/^\*|\*$/g, '') : ko).trim();
      })()
    : (node?.markdownDescription ?? schema?.markdownDescription);
  const description = described ? short(enumText ? described : inLocale(described, locale)) : undefined;

  let allowed: string | undefined;
  const last = path[path.length - 1];
  if (path.length === 2 && path[0] === 'gpu' && last === 'servers') {
    const perServer = GPUS_PER_SERVER.value;
    const ranges = Object.entries(GPU_TYPES).map(([type, f]) =>
      t('{0}: {1}–{2} servers ({3}–{4} GPUs)', type, f.value.minServers, f.value.maxServers, f.value.minServers * perServer, f.value.maxServers * perServer),
    );
    allowed = `${t('Allowed')}: ${ranges.join(' · ')}`;
  } else if (path.length === 2 && path[0] === 'gpu' && last === 'months') {
    allowed = `${t('Allowed')}: ${t('{0}–{1} months, counted from the start of use', MONTHS.value.min, MONTHS.value.max)}`;
  } else if (schema && (schema.minimum !== undefined || schema.maximum !== undefined)) {
    allowed = `${t('Allowed')}: ${schema.minimum ?? '…'} – ${schema.maximum ?? '…'}`;
  }

  let amount: string | undefined;
  if (path[0] === 'gpu' || (path[0] === 'gpuPlan' && path[1] === 'copayment')) {
    amount = costTable(analysis.cost, locale).summary;
  } else if (path[0] === 'gpuPlan' && path[1] === 'stages' && typeof path[2] === 'number') {
    const stage = analysis.cost.stages.at(path[2]); // the path can name a stage the plan lacks
    if (stage?.gpuHours !== undefined)
      amount = t('Stage {0}: {1} GPUs × {2} months = {3} GPU-hours', stage.index + 1, stage.gpus ?? 0, stage.months ?? 0, groupThousands(stage.gpuHours));
  }

  const keys = fieldPath.filter((s): s is string => typeof s === 'string');
  return {
    findings,
    ...(label ? { label } : {}),
    ...(keys.length
      ? {
          path: fieldPath
            .map((s) => (typeof s === 'number' ? `[${s}]` : s))
            .join('.')
            .replace(/\.\[/g, '['),
        }
      : {}),
    ...(description ? { description } : {}),
    ...(allowed ? { allowed } : {}),
    ...(amount ? { amount } : {}),
  };
}
