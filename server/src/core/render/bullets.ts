/**
 * The form's 개조식 text: a `Text` value (a paragraph, or nested bullets) as blocks, numbered with
 * the form's bullet ladder; and `clean`, which makes any text of the plan safe for every format.
 *
 * The form says: "1> 가> ㅇ> -> · 순으로 작성" — the levels go 1 → 가 → ㅇ → - → ·. Levels 1 and 2
 * count (1), 2), 3) … and 가), 나), 다) …), written with ")" so they are not mistaken for the form's
 * own section numbers ("1. 과제 목표"); levels 3–5 are the marks ㅇ, - and · as the form writes them.
 */
import type { Bullet } from '../plan/types';
import { asString, isObject } from '../plan/read';
import type { BulletItem, BulletsBlock, CellBlock, Inline, ParagraphBlock, ParagraphRole, Align } from './model';

export const NOT_APPLICABLE = '해당 없음';

const HANGUL_COUNTERS = ['가', '나', '다', '라', '마', '바', '사', '아', '자', '차', '카', '타', '파', '하'];

/** The ladder: level (1–5) and position among its siblings (0-based) → marker. */
export const LADDER: ReadonlyArray<(index: number) => string> = [
  (i) => `${i + 1})`,
  (i) =>
    i < HANGUL_COUNTERS.length ? `${HANGUL_COUNTERS[i]})` : `${HANGUL_COUNTERS[i % HANGUL_COUNTERS.length]}${Math.floor(i / HANGUL_COUNTERS.length) + 1})`,
  () => 'ㅇ',
  () => '-',
  () => '·',
];

export const MAX_BULLET_LEVEL = 5;

/**
 * Text from the plan made safe for every format: control characters (which XML cannot carry) are
 * dropped, tabs become spaces, and unpaired surrogates become U+FFFD.
 */
export function clean(text: string): string {
  return (
    text
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex -- on purpose: these are the control characters XML cannot carry
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
  );
}

/** Line breaks in a value become separate lines; blank lines are dropped. */
const lines = (text: string): string[] =>
  clean(text)
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

export const paragraph = (runs: Inline | readonly Inline[], role: ParagraphRole = 'body', align?: Align): ParagraphBlock => ({
  kind: 'paragraph',
  runs: Array.isArray(runs) ? (runs as readonly Inline[]) : [runs as Inline],
  role,
  ...(align ? { align } : {}),
});

/** Bullets of a `Text` array, numbered by level; deeper levels than 5 are written at level 5. */
export function bulletItems(bullets: readonly unknown[], level = 1): BulletItem[] {
  const items: BulletItem[] = [];
  const clamped = Math.min(level, MAX_BULLET_LEVEL) as BulletItem['level'];
  let index = 0;
  for (const bullet of bullets as readonly Bullet[]) {
    let text: string | undefined;
    let children: unknown[] | undefined;
    if (typeof bullet === 'string') text = bullet;
    else if (isObject(bullet)) {
      text = asString(bullet.text);
      children = Array.isArray(bullet.items) ? bullet.items : undefined;
    } else continue;
    const textLines = text !== undefined ? lines(text) : [];
    if (textLines.length > 0) {
      items.push({ level: clamped, marker: LADDER[clamped - 1](index), text: textLines.join(' ') });
      index++;
    }
    if (children && children.length > 0) items.push(...bulletItems(children, textLines.length > 0 ? level + 1 : level));
  }
  return items;
}

/**
 * A `Text` as blocks. Left empty or out, a part the form marks 해당 시 (`optional`) says "해당 없음",
 * as the form asks; a required part prints nothing (an empty cell in a table), since saying
 * "해당 없음" there would claim something the plan does not say (the schema reports it as missing).
 */
export function textBlocks(value: unknown, role: ParagraphRole = 'body', optional = false): CellBlock[] {
  if (typeof value === 'string') {
    const paragraphs = lines(value);
    if (paragraphs.length > 0) return paragraphs.map((line) => paragraph(line, role));
  } else if (Array.isArray(value)) {
    const items = bulletItems(value);
    if (items.length > 0) return [{ kind: 'bullets', items } satisfies BulletsBlock];
  }
  if (optional) return [paragraph(NOT_APPLICABLE, role === 'cell' ? 'cell' : 'notApplicable')];
  return role === 'cell' ? [paragraph('', 'cell')] : [];
}
