/**
 * The document model as DOCX (Office Open XML), with the `docx` package: real headings (Heading 1–4,
 * so Word's and Hancom Office's tables of contents work), a TOC field after the 표지, real tables
 * with merged cells and repeated header rows, A4 pages with the page number at the bottom of every
 * page counting from the cover, and Korean fonts and language set on the styles.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { FORM_NAME, type Align, type BulletsBlock, type CellBlock, type HeadingBlock, type Inline, type ParagraphBlock, type PlanDocument, type TableBlock, type TocBlock } from '../core/render';
import { COLORS, FONTS, PAGE, SIZES, TEXT_WIDTH_MM, asRun, headerRowCount, normalizedBlocks, placeCells, roleSize, rowMaySplit, bulletGeometry, wideLevels } from './layout';

const twip = (mm: number): number => Math.round(convertMillimetersToTwip(mm));
/** docx sizes are half-points. */
const half = (pt: number): number => Math.round(pt * 2);
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const LANGUAGE = { value: 'ko-KR', eastAsia: 'ko-KR' } as const;

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** Style ids of our own paragraph styles. */
const STYLE = {
  part: 'GpPartTitle',
  cell: 'GpTableText',
  note: 'GpNote',
  cover: 'GpCover',
  warning: 'GpWarning',
} as const;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

function runs(content: readonly Inline[], base: IRunOptions = {}): TextRun[] {
  return content.map((r) => {
    const run = asRun(r);
    return new TextRun({ ...base, text: run.text, ...(run.bold ? { bold: true } : {}), ...(run.small ? { size: half(SIZES.small) } : {}) });
  });
}

class Writer {
  private pendingBreak = false;
  /** Role of the last paragraph written, for the spacing of the title page. */
  private lastRole: ParagraphBlock['role'] | undefined;
  readonly children: Array<Paragraph | Table | TableOfContents> = [];

  constructor(readonly headings: readonly HeadingBlock[]) {}

  /** The next paragraph starts a page (the form starts each part on a new page). */
  pageBreak(): void {
    this.pendingBreak = true;
  }

  private takeBreak(): boolean {
    const value = this.pendingBreak;
    this.pendingBreak = false;
    return value;
  }

  /** Before a table or TOC that must start a page: an empty, tiny paragraph carrying the break. */
  private breakBeforeNonParagraph(): void {
    if (this.takeBreak()) this.children.push(new Paragraph({ pageBreakBefore: true, spacing: { before: 0, after: 0, line: 240 }, children: [new TextRun({ text: '', size: 2 })] }));
  }

  paragraph(p: ParagraphBlock, inCell = false, dense = false): Paragraph {
    const previous = this.lastRole;
    if (!inCell) this.lastRole = p.role;
    const options: IParagraphOptions = {
      children: runs(p.runs, inCell ? { size: half(roleSize(p.role, dense)) } : {}),
      ...(p.align ? { alignment: ALIGN[p.align] } : {}),
    };
    switch (p.role) {
      case 'coverTitle':
        return new Paragraph({ ...options, style: STYLE.cover, children: runs(p.runs, { size: half(SIZES.coverTitle), bold: true, characterSpacing: 40 }), spacing: { before: twip(8), after: twip(6) } });
      case 'coverSubtitle':
        return new Paragraph({ ...options, style: STYLE.cover, children: runs(p.runs, { size: half(SIZES.coverSubtitle) }), spacing: { before: twip(previous === undefined ? 50 : 0), after: twip(6) } });
      case 'coverLine':
        return new Paragraph({ ...options, style: STYLE.cover, children: runs(p.runs, { size: half(SIZES.coverLine) }), spacing: { before: twip(previous === 'coverLine' ? 0 : 45), after: twip(4) } });
      case 'note':
        return new Paragraph({ ...options, style: STYLE.note });
      case 'warning':
        return new Paragraph({ ...options, style: STYLE.warning });
      case 'cell':
      case 'pledge':
        return new Paragraph({
          ...options,
          style: STYLE.cell,
          ...(p.role === 'pledge' ? { spacing: { before: 40, after: 40, line: 276 } } : dense ? { spacing: { before: 0, after: 0, line: 228 } } : {}),
        });
      default:
        return new Paragraph({ ...options, alignment: options.alignment ?? AlignmentType.JUSTIFIED });
    }
  }

  bullets(b: BulletsBlock, inCell = false, dense = false): Paragraph[] {
    const geometry = bulletGeometry(wideLevels(b), inCell);
    return b.items.map((item) => {
      const i = item.level - 1;
      const left = twip(geometry.indent[i] + geometry.marker[i]);
      const hanging = twip(geometry.marker[i]);
      const size = inCell ? { size: half(dense ? SIZES.denseCell : SIZES.cell) } : {};
      return new Paragraph({
        ...(inCell ? { style: STYLE.cell } : {}),
        alignment: inCell ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
        indent: { left, hanging },
        tabStops: [{ type: TabStopType.LEFT, position: left }],
        spacing: inCell ? { before: 0, after: 0 } : { before: 0, after: 40 },
        children: [new TextRun({ ...size, text: item.marker }), new TextRun({ ...size, children: [new Tab(), item.text] })],
      });
    });
  }

  heading(h: HeadingBlock): void {
    const pageBreakBefore = this.takeBreak();
    if (h.level === 1 && !h.toc) {
      this.children.push(new Paragraph({ style: STYLE.part, pageBreakBefore, alignment: AlignmentType.CENTER, children: [new TextRun(h.text)] }));
      return;
    }
    // A chapter's numeral sits in a dark box, as in the form; other numbers precede the title.
    const children: ParagraphChild[] =
      h.level === 1 && h.number
        ? [
            new TextRun({ text: `\u00a0${h.number}\u00a0`, color: 'FFFFFF', shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLORS.chapterRule } }),
            new TextRun({ text: ` ${h.title}` }),
          ]
        : h.number
          ? [new TextRun({ text: h.number }), new TextRun({ text: ` ${h.title}` })]
          : [new TextRun(h.title)];
    this.children.push(
      new Paragraph({
        heading: HEADINGS[h.level - 1],
        pageBreakBefore,
        ...(h.level === 1 ? { border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: COLORS.chapterRule, space: 4 } } } : {}),
        children,
      }),
    );
  }

  cellChildren(blocks: readonly CellBlock[], dense: boolean): Paragraph[] {
    const out: Paragraph[] = [];
    for (const block of blocks) {
      if (block.kind === 'paragraph') out.push(this.paragraph(block, true, dense));
      else out.push(...this.bullets(block, true, dense));
    }
    return out.length > 0 ? out : [new Paragraph({ style: STYLE.cell, children: [] })];
  }

  table(table: TableBlock): void {
    this.breakBeforeNonParagraph();
    const total = twip(TEXT_WIDTH_MM);
    const sum = table.columns.reduce((a, b) => a + b, 0) || 1;
    const widths = table.columns.map((c) => Math.round((c / sum) * total));
    const heads = headerRowCount(table);
    const findings = table.variant === 'findings';
    const borderColor = findings ? COLORS.warning : COLORS.border;
    const border = { style: BorderStyle.SINGLE, size: 6, color: borderColor };
    const rows = placeCells(table).map((placed, r) => {
      const cells = placed.map((p) => {
        const width = widths.slice(p.column, p.column + p.colspan).reduce((a, b) => a + b, 0);
        const fill = p.cell.marked ? COLORS.markFill : p.cell.header ? (findings ? COLORS.warningFill : COLORS.headerFill) : undefined;
        // Label cells are bold; a cell's alignment applies to its paragraphs that set none.
        const blocks = p.cell.blocks.map((b): CellBlock => {
          if (b.kind !== 'paragraph') return b;
          const align = b.align ?? p.cell.align ?? (p.cell.header ? 'center' : undefined);
          const content = p.cell.header ? b.runs.map((run) => ({ ...asRun(run), bold: true })) : b.runs;
          return { ...b, runs: content, ...(align ? { align } : {}) };
        });
        return new TableCell({
          children: this.cellChildren(blocks, Boolean(table.dense)),
          width: { size: width, type: WidthType.DXA },
          ...(p.colspan > 1 ? { columnSpan: p.colspan } : {}),
          ...(p.rowspan > 1 ? { rowSpan: p.rowspan } : {}),
          verticalAlign: VerticalAlignTable.CENTER,
          margins: table.dense ? { top: 20, bottom: 20, left: 50, right: 50 } : { top: 40, bottom: 40, left: 90, right: 90 },
          ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
          borders: { top: border, bottom: border, left: border, right: border },
        });
      });
      return new TableRow({ children: cells, ...(r < heads ? { tableHeader: true } : {}), cantSplit: !rowMaySplit(table.rows[r]) });
    });
    this.children.push(
      new Table({
        rows,
        width: { size: total, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      }),
    );
    // Space after a table: an empty paragraph, as the form has.
    this.children.push(new Paragraph({ spacing: { before: 0, after: 0, line: 200 }, children: [new TextRun({ text: '', size: 8 })] }));
  }

  toc(toc: TocBlock, pages: ReadonlyMap<string, number> | undefined): void {
    this.children.push(new Paragraph({ style: STYLE.part, pageBreakBefore: this.takeBreak(), alignment: AlignmentType.CENTER, children: [new TextRun(toc.title)] }));
    // A real TOC field over Heading 1–2. Word fills in the page numbers when it updates the field;
    // when they are known (the PDF export learns them from a first conversion) they are written in.
    const known = pages && toc.entries.every((e) => pages.has(e.id));
    const headingText = new Map(this.headings.map((h) => [h.id, h.text] as const));
    this.children.push(
      new TableOfContents('목차', {
        hyperlink: true,
        headingStyleRange: '1-2',
        ...(known ? { cachedEntries: toc.entries.map((e) => ({ title: headingText.get(e.id) ?? e.text, level: e.level, page: pages.get(e.id) })) } : {}),
      }),
    );
  }

  push(p: Paragraph | Paragraph[]): void {
    const list = Array.isArray(p) ? p : [p];
    if (list.length === 0) return;
    if (this.pendingBreak) {
      // Paragraph options are fixed once built, so the break goes on an empty paragraph before it.
      this.breakBeforeNonParagraph();
    }
    this.children.push(...list);
  }
}

export interface DocxOptions {
  /** Page numbers of the 목차 entries by heading id, when known. */
  readonly tocPages?: ReadonlyMap<string, number>;
}

function build(doc: PlanDocument, options: DocxOptions): Document {
  const w = new Writer(doc.blocks.filter((b): b is HeadingBlock => b.kind === 'heading'));
  for (const block of normalizedBlocks(doc)) {
    switch (block.kind) {
      case 'pageBreak':
        w.pageBreak();
        break;
      case 'heading':
        w.heading(block);
        break;
      case 'paragraph':
        w.push(w.paragraph(block));
        break;
      case 'bullets':
        w.push(w.bullets(block));
        break;
      case 'table':
        w.table(block);
        break;
      case 'toc':
        w.toc(block, options.tocPages);
        break;
    }
  }

  const headingStyle = (size: number, before: number, after: number) => ({
    run: { font: font(FONTS.heading), size: half(size), bold: true, color: COLORS.text, language: LANGUAGE },
    paragraph: { spacing: { before: twip(before), after: twip(after) }, keepNext: true, keepLines: true },
  });

  return new Document({
    creator: 'gpuplan',
    lastModifiedBy: 'gpuplan',
    title: doc.meta.title,
    subject: FORM_NAME,
    description: doc.meta.organization ? `${doc.meta.organization} — ${FORM_NAME}` : FORM_NAME,
    keywords: '첨단 GPU 활용 지원 사업, 사업수행계획서',
    // Word fills in the table of contents' page numbers when it opens the file.
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font: font(FONTS.body), size: half(SIZES.body), language: LANGUAGE },
          paragraph: { spacing: { before: 0, after: 60, line: 336 } },
        },
        heading1: { ...headingStyle(SIZES.h1, 0, 6), paragraph: { spacing: { before: 0, after: twip(6) }, keepNext: true, keepLines: true } },
        heading2: headingStyle(SIZES.h2, 6, 2.5),
        heading3: headingStyle(SIZES.h3, 4, 1.5),
        heading4: headingStyle(SIZES.h4, 3, 1.5),
      },
      paragraphStyles: [
        {
          id: STYLE.part,
          name: 'GP Part Title',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: font(FONTS.heading), size: half(SIZES.part), bold: true },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: twip(6) }, keepNext: true },
        },
        {
          id: STYLE.cell,
          name: 'GP Table Text',
          basedOn: 'Normal',
          run: { font: font(FONTS.table), size: half(SIZES.cell) },
          paragraph: { spacing: { before: 0, after: 0, line: 240 } },
        },
        {
          id: STYLE.note,
          name: 'GP Note',
          basedOn: 'Normal',
          run: { font: font(FONTS.table), size: half(SIZES.note) },
          paragraph: { spacing: { before: twip(1.5), after: twip(3) } },
        },
        {
          id: STYLE.cover,
          name: 'GP Cover',
          basedOn: 'Normal',
          run: { font: font(FONTS.heading) },
          paragraph: { alignment: AlignmentType.CENTER },
        },
        {
          id: STYLE.warning,
          name: 'GP Warning',
          basedOn: 'Normal',
          run: { font: font(FONTS.table), size: half(SIZES.note), color: COLORS.warning },
          paragraph: { spacing: { before: 0, after: twip(3) } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            // A4 exactly as Word writes it (210 × 297 mm).
            size: { width: 11906, height: 16838 },
            margin: {
              top: twip(PAGE.marginTopMm),
              bottom: twip(PAGE.marginBottomMm),
              left: twip(PAGE.marginLeftMm),
              right: twip(PAGE.marginRightMm),
              header: twip(10),
              footer: twip(PAGE.footerMm),
            },
            pageNumbers: { start: 1 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ font: font(FONTS.heading), size: half(SIZES.footer), children: ['- ', PageNumber.CURRENT, ' -'] })],
              }),
            ],
          }),
        },
        children: w.children,
      },
    ],
  });
}

/** The document as a .docx file. */
export async function renderDocx(doc: PlanDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(build(doc, options));
  return new Uint8Array(buffer);
}
