/** What the mappers share while they read one document: the plan being built and the report. */
import type { Message } from '../core/l10n';
import { msg } from '../core/l10n';
import { REVIEW_TAG } from './form-text';
import type { Anchor, Line, Where } from './read';
import type { EntryKind, ReportEntry } from './report';

export type PlanValue = string | number | boolean | PlanValue[] | { [key: string]: PlanValue };
type Obj = { [key: string]: PlanValue };

export class Context {
  readonly plan: Obj = {};
  readonly entries: ReportEntry[] = [];
  /** Text kept for review, by the `Text` field it goes to. */
  readonly review = new Map<string, string[]>();
  /** Where each field's value came from, for conflicts. */
  private readonly sources = new Map<string, string>();

  constructor(
    /** Lines of a PDF: broken lines continue. */
    readonly pdf: boolean,
    /** All the text of the document, for joining broken lines. */
    readonly corpus: string,
  ) {}

  get(path: string): PlanValue | undefined {
    let node: PlanValue | undefined = this.plan;
    for (const key of path.split('.')) {
      if (typeof node !== 'object' || Array.isArray(node)) return undefined;
      node = node[key];
    }
    return node;
  }

  /** Sets a value; a different value already there is kept and the new one reported as a conflict. */
  set(path: string, value: PlanValue | undefined, place: string, where: Where, text?: string): void {
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) return;
    const existing = this.get(path);
    if (existing !== undefined) {
      if (JSON.stringify(existing) !== JSON.stringify(value)) {
        this.note(
          'conflict',
          place,
          where,
          text ?? (typeof value === 'object' ? JSON.stringify(value) : String(value)),
          msg(
            'differs from {0} written in {1}; the plan keeps the first',
            typeof existing === 'object' ? JSON.stringify(existing) : String(existing),
            this.sources.get(path) ?? '',
          ),
          path,
        );
      }
      return;
    }
    const keys = path.split('.');
    let node: Obj = this.plan;
    for (const key of keys.slice(0, -1)) {
      const next = node[key] as PlanValue | undefined;
      if (typeof next !== 'object' || Array.isArray(next)) node[key] = {};
      node = node[key] as Obj;
    }
    node[keys[keys.length - 1]] = value;
    this.sources.set(path, place);
  }

  note(kind: EntryKind, place: string, where: Where, text: string, reason: Message, path?: string): void {
    this.entries.push({ kind, place, where, text, reason, ...(path ? { path } : {}) });
  }

  /** Text that has no place in the plan: reported, and kept for review in `textPath` when it belongs to a section. */
  unmapped(place: string, where: Where, text: string, reason: Message, textPath?: string): void {
    const flat = text.replace(/\s*\n\s*/g, ' / ').trim();
    if (!flat) return;
    this.note('unmapped', place, where, flat, reason, textPath);
    if (textPath) {
      const list = this.review.get(textPath) ?? [];
      list.push(`${REVIEW_TAG} ${flat}`);
      this.review.set(textPath, list);
    }
  }

  guide(place: string, where: Where, text: string): void {
    if (text.trim()) this.note('guide', place, where, text.replace(/\s*\n\s*/g, ' / ').trim(), msg('guide text of the form'));
  }

  placeholder(place: string, where: Where, text: string, path?: string): void {
    this.note('placeholder', place, where, text, msg("the form's placeholder, not a value: fill it in"), path);
  }
}

export const use = <T extends Anchor | Line>(item: T | undefined): T | undefined => {
  if (item) item.used = true;
  return item;
};
