/**
 * The builder every part of the document writes into: blocks in reading order, headings numbered
 * as the form numbers them (I, 1., □, ○) with unique anchors, and the entries of the 목차.
 */
import { paragraph, textBlocks } from './bullets';
import type { Block, HeadingBlock, TableBlock, TableId, TableRow, TocEntry } from './model';

/** Chapter titles of the form, in order (I–VI). */
export const CHAPTERS = ['과제 개요', '과제 주요 내용', 'GPU 자원 활용 계획', '활용 확산 추진 방안', '추진 계획 및 기대효과', '기관현황'] as const;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'] as const;

export class Builder {
  readonly blocks: Block[] = [];
  readonly toc: TocEntry[] = [];
  private chapter = 0;
  private section = 0;
  private sub = 0;
  private ids = new Set<string>();

  push(...blocks: Block[]): void {
    this.blocks.push(...blocks);
  }

  pageBreak(): void {
    if (this.blocks.length > 0 && this.blocks[this.blocks.length - 1].kind !== 'pageBreak') this.blocks.push({ kind: 'pageBreak' });
  }

  private unique(id: string): string {
    let candidate = id;
    for (let i = 2; this.ids.has(candidate); i++) candidate = `${id}-${i}`;
    this.ids.add(candidate);
    return candidate;
  }

  /** A part that is headed but not in the form's 목차 (요약서, 붙임, findings). */
  part(title: string, id: string): void {
    this.push({ kind: 'heading', level: 1, title, text: title, toc: false, id: this.unique(id) });
  }

  chapterHeading(): void {
    this.chapter++;
    this.section = 0;
    const number = ROMAN[this.chapter - 1];
    const title = CHAPTERS[this.chapter - 1];
    const heading: HeadingBlock = { kind: 'heading', level: 1, number, title, text: `${number} ${title}`, toc: true, id: this.unique(`ch-${this.chapter}`) };
    this.push(heading);
    this.toc.push({ level: 1, text: `${number}. ${title}`, id: heading.id });
  }

  sectionHeading(title: string): void {
    this.section++;
    this.sub = 0;
    const number = `${this.section}.`;
    const heading: HeadingBlock = {
      kind: 'heading',
      level: 2,
      number,
      title,
      text: `${number} ${title}`,
      toc: true,
      id: this.unique(`ch-${this.chapter}-${this.section}`),
    };
    this.push(heading);
    this.toc.push({ level: 2, text: heading.text, id: heading.id });
  }

  /** `□ title` (level 3) or `○ title` (level 4). */
  mark(level: 3 | 4, title: string): void {
    this.sub++;
    const number = level === 3 ? '□' : '○';
    this.push({
      kind: 'heading',
      level,
      number,
      title,
      text: `${number} ${title}`,
      toc: false,
      id: this.unique(`ch-${this.chapter}-${this.section}-${this.sub}`),
    });
  }

  /** A required `Text` section of the form (nothing when it is empty: the schema reports that). */
  text(value: unknown): void {
    this.push(...textBlocks(value));
  }

  /** A `Text` part the form marks 해당 시: "해당 없음" when it is left out. */
  optionalText(value: unknown): void {
    this.push(...textBlocks(value, 'body', true));
  }

  table(id: TableId, columns: readonly number[], rows: readonly TableRow[], extra: Partial<Pick<TableBlock, 'dense' | 'variant'>> = {}): void {
    this.push({ kind: 'table', id, columns, rows, variant: extra.variant ?? 'form', ...(extra.dense ? { dense: true } : {}) });
  }

  note(text: string): void {
    this.push(paragraph(`※ ${text}`, 'note'));
  }
}
