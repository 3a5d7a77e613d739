/**
 * The document model as DOCX (Office Open XML), with the `docx` package: real headings (Heading 1–4,
 * so Word's and Hancom Office's tables of contents work), a TOC field after the 표지 with its page
 * numbers written in, real tables with merged cells and repeated header rows, A4 pages with the page
 * number at the bottom of every page counting from the cover, and Korean fonts.
 *
 * Language per run: text is cut where its script changes, Hangul runs are tagged Korean and Latin
 * letters and digits English (`w:lang w:val="en-US" w:eastAsia="ko-KR"`), so no application breaks a
 * number or a word with Korean rules ("400,00 / 0원"). Automatic spacing between Korean and Latin
 * text or digits is off (`w:autoSpaceDE`, `w:autoSpaceDN`), as the form has none ("3,200,000원").
 * Every row is kept on one page, headings stay with what follows, and label cells break at spaces
 * only (explicit breaks where the label is wider than its cell).
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
import JSZip from 'jszip';
import {
  FORM_NAME,
  type Align,
  type BulletsBlock,
  type CellBlock,
  type HeadingBlock,
  type Inline,
  type ParagraphBlock,
  type PlanDocument,
  type TableBlock,
  type TocBlock,
} from '../core/render';
import {
  COLORS,
  FONTS,
  PAGE,
  SIZES,
  TEXT_WIDTH_MM,
  asRun,
  bulletGeometry,
  cellPaddingMm,
  cellParagraphTexts,
  cellSizePt,
  cellTextWidthMm,
  fitLabel,
  headerRowCount,
  headsItems,
  normalizedBlocks,
  placeCells,
  roleSize,
  scriptSegments,
  wideLevels,
  xmlSafe,
  type PlacedCell,
} from './layout';

const twip = (mm: number): number => Math.round(convertMillimetersToTwip(mm));
/** docx sizes are half-points. */
const half = (pt: number): number => Math.round(pt * 2);
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
/** The document's language: Korean for East Asian text, English for Latin letters and digits. */
const LANGUAGE = { value: 'en-US', eastAsia: 'ko-KR' } as const;
const KOREAN_RUN = { value: 'ko-KR', eastAsia: 'ko-KR' } as const;

/**
 * A text as runs of one script each, every run tagged with its language: Hangul (and hanja, CJK
 * punctuation) Korean, everything else English, so that each run has the language of its letters
 * whichever of `w:val` and `w:eastAsia` an application reads.
 */
function textRuns(text: string, base: IRunOptions = {}): TextRun[] {
  const clean = xmlSafe(text);
  if (clean.length === 0) return [new TextRun({ ...base, text: '' })];
  return scriptSegments(clean).map((segment) => new TextRun({ ...base, text: segment.text, language: segment.eastAsian ? KOREAN_RUN : LANGUAGE }));
}

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
  label: 'GpTableLabel',
} as const;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

function runs(content: readonly Inline[], base: IRunOptions = {}): TextRun[] {
  return content.flatMap((r) => {
    const run = asRun(r);
    return textRuns(run.text, { ...base, ...(run.bold ? { bold: true } : {}), ...(run.small ? { size: half(SIZES.small) } : {}) });
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
    if (this.takeBreak())
      this.children.push(new Paragraph({ pageBreakBefore: true, spacing: { before: 0, after: 0, line: 240 }, children: [new TextRun({ text: '', size: 2 })] }));
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
        return new Paragraph({
          ...options,
          style: STYLE.cover,
          children: runs(p.runs, { size: half(SIZES.coverTitle), bold: true, characterSpacing: 40 }),
          spacing: { before: twip(8), after: twip(6) },
        });
      case 'coverSubtitle':
        return new Paragraph({
          ...options,
          style: STYLE.cover,
          children: runs(p.runs, { size: half(SIZES.coverSubtitle) }),
          spacing: { before: twip(previous === undefined ? 50 : 0), after: twip(6) },
        });
      case 'coverLine':
        return new Paragraph({
          ...options,
          style: STYLE.cover,
          children: runs(p.runs, { size: half(SIZES.coverLine) }),
          spacing: { before: twip(previous === 'coverLine' ? 0 : 45), after: twip(4) },
        });
      case 'note':
        return new Paragraph({ ...options, style: STYLE.note });
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
    return b.items.map((item, index) => {
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
        ...(!inCell && headsItems(b, index) ? { keepNext: true } : {}),
        children: [...textRuns(item.marker, size), new TextRun({ ...size, children: [new Tab()] }), ...textRuns(item.text, size)],
      });
    });
  }

  heading(h: HeadingBlock): void {
    const pageBreakBefore = this.takeBreak();
    if (h.level === 1 && !h.toc) {
      this.children.push(new Paragraph({ style: STYLE.part, pageBreakBefore, alignment: AlignmentType.CENTER, children: textRuns(h.text) }));
      return;
    }
    // A chapter's numeral sits in a dark box, as in the form; other numbers precede the title.
    const children: ParagraphChild[] =
      h.level === 1 && h.number
        ? [
            ...textRuns(`\u00a0${h.number}\u00a0`, { color: 'FFFFFF', shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLORS.chapterRule } }),
            ...textRuns(` ${h.title}`),
          ]
        : h.number
          ? [...textRuns(h.number), ...textRuns(` ${h.title}`)]
          : textRuns(h.title);
    this.children.push(
      new Paragraph({
        heading: HEADINGS[h.level - 1],
        pageBreakBefore,
        ...(h.level === 1 ? { border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: COLORS.chapterRule, space: 4 } } } : {}),
        children,
      }),
    );
  }

  /**
   * A label cell: bold, its words never broken. The size shrinks until the longest word fits, and
   * each paragraph is cut into lines at spaces with explicit breaks, since LibreOffice breaks Korean
   * between any two syllables.
   */
  labelChildren(blocks: readonly CellBlock[], table: TableBlock, placed: PlacedCell): Paragraph[] {
    const fitted = fitLabel(cellParagraphTexts(blocks), cellTextWidthMm(table, placed), cellSizePt(table));
    // fitLabel has one entry per paragraph and per bullet, in the order of cellParagraphTexts.
    let index = 0;
    return blocks.flatMap((block) => {
      if (block.kind !== 'paragraph') {
        index += block.items.length;
        return this.bullets(block, true, Boolean(table.dense));
      }
      const lines = fitted.lines[index++] ?? [''];
      const small = block.runs.length > 0 && block.runs.every((r) => typeof r !== 'string' && r.small);
      const size = half(small ? Math.min(SIZES.small, fitted.sizePt) : fitted.sizePt);
      // A line break before each line but the first (on its first run only).
      // Typed as IRunOptions: a literal read against TextRun's `IRunOptions | string` has its `bold` taken for String.prototype.bold() (deprecated) by the linter.
      const emphasis: IRunOptions = { bold: true, size };
      const children = lines.flatMap((text, i) => [...(i > 0 ? [new TextRun({ ...emphasis, break: 1 })] : []), ...textRuns(text, emphasis)]);
      return [new Paragraph({ style: STYLE.label, ...(block.align ? { alignment: ALIGN[block.align] } : {}), children })];
    });
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
    const border = { style: BorderStyle.SINGLE, size: 6, color: COLORS.border };
    const padding = twip(cellPaddingMm(Boolean(table.dense)));
    const rows = placeCells(table).map((placed, r) => {
      const cells = placed.map((p) => {
        const width = widths.slice(p.column, p.column + p.colspan).reduce((a, b) => a + b, 0);
        const fill = p.cell.marked ? COLORS.markFill : p.cell.header ? COLORS.headerFill : undefined;
        // A cell's alignment applies to its paragraphs that set none.
        const blocks = p.cell.blocks.map((b): CellBlock => {
          if (b.kind !== 'paragraph') return b;
          const align = b.align ?? p.cell.align ?? (p.cell.header ? 'center' : undefined);
          return { ...b, ...(align ? { align } : {}) };
        });
        return new TableCell({
          children: p.cell.header && blocks.length > 0 ? this.labelChildren(blocks, table, p) : this.cellChildren(blocks, Boolean(table.dense)),
          width: { size: width, type: WidthType.DXA },
          ...(p.colspan > 1 ? { columnSpan: p.colspan } : {}),
          ...(p.rowspan > 1 ? { rowSpan: p.rowspan } : {}),
          verticalAlign: VerticalAlignTable.CENTER,
          margins: { top: table.dense ? 20 : 40, bottom: table.dense ? 20 : 40, left: padding, right: padding },
          ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
          borders: { top: border, bottom: border, left: border, right: border },
        });
      });
      // No row is split across pages (a row taller than a page is the application's to split).
      return new TableRow({ children: cells, ...(r < heads ? { tableHeader: true } : {}), cantSplit: true });
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
    this.children.push(new Paragraph({ style: STYLE.part, pageBreakBefore: this.takeBreak(), alignment: AlignmentType.CENTER, children: textRuns(toc.title) }));
    // A real TOC field over Heading 1–2. Word fills in the page numbers when it updates the field;
    // when they are known (the PDF export learns them from a first conversion) they are written in.
    const known = pages && toc.entries.every((e) => pages.has(e.id));
    const headingText = new Map(this.headings.map((h) => [h.id, h.text] as const));
    this.children.push(
      new TableOfContents('목차', {
        hyperlink: true,
        headingStyleRange: '1-2',
        ...(known
          ? { cachedEntries: toc.entries.map((e) => ({ title: xmlSafe(headingText.get(e.id) ?? e.text), level: e.level, page: pages.get(e.id) })) }
          : {}),
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
    title: xmlSafe(doc.meta.title),
    subject: FORM_NAME,
    description: doc.meta.organization ? `${xmlSafe(doc.meta.organization)} — ${FORM_NAME}` : FORM_NAME,
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
          id: STYLE.label,
          name: 'GP Table Label',
          basedOn: STYLE.cell,
          run: { bold: true },
          paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, line: 240 } },
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

/**
 * No automatic space between Korean and Latin text or digits, for every paragraph: `w:autoSpaceDE`
 * and `w:autoSpaceDN` off in the document defaults (the `docx` package writes only the second, and
 * only per paragraph). They go before `w:spacing`, where the schema puts them.
 */
async function withoutAutoSpacing(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const styles = await zip.file('word/styles.xml')?.async('string');
  if (styles === undefined) return bytes;
  const patched = styles.replace(/<w:pPrDefault><w:pPr>([\s\S]*?)<\/w:pPr><\/w:pPrDefault>/, (_all, inner: string) => {
    const off = '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';
    const at = inner.indexOf('<w:spacing');
    return `<w:pPrDefault><w:pPr>${at >= 0 ? inner.slice(0, at) + off + inner.slice(at) : inner + off}</w:pPr></w:pPrDefault>`;
  });
  if (patched === styles) return bytes;
  zip.file('word/styles.xml', patched);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The document as a .docx file. */
export async function renderDocx(doc: PlanDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(build(doc, options));
  return withoutAutoSpacing(new Uint8Array(buffer));
}
