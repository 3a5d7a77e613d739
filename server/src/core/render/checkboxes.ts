/** The form's checkboxes: ■ for a chosen option, □ for the others. */
import { asArray } from '../plan/read';
import { str } from './read';

/** A checkbox of the form; the no-break space keeps the box with its label. */
export const box = (checked: boolean, text: string): string => `${checked ? '■' : '□'}\u00a0${text}`;
export const boxes = (items: ReadonlyArray<readonly [boolean, string]>): string => items.map(([checked, text]) => box(checked, text)).join('\u00a0 ');

/** 유형 of the applicant (표지 and 신청기관 현황). */
export const TYPE_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['industry', '산'],
  ['academia', '학'],
  ['research', '연'],
];

/** Checkboxes for a multiple choice, with the form's "기타( … )" at the end when it has one. */
export function choices(selected: unknown, options: ReadonlyArray<readonly [string, string]>, other?: { key: string; label: string; text: unknown }): string {
  const chosen = new Set(asArray(selected).filter((v): v is string => typeof v === 'string'));
  const items: Array<readonly [boolean, string]> = options.map(([key, text]) => [chosen.has(key), text] as const);
  if (other) items.push([chosen.has(other.key), `${other.label}( ${str(other.text) ?? ''} )`]);
  return boxes(items);
}
