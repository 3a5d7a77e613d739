/**
 * The document model as HWPX: the open OWPML package (KS X 6101) that Hancom Office Hangul reads
 * and writes. A ZIP whose first entry is the uncompressed `mimetype`, then `version.xml`,
 * `META-INF/container.xml` (pointing at `Contents/content.hpf`), the header part with fonts,
 * borders, character and paragraph shapes, the outline numbering and the styles, one section with
 * the body, `settings.xml` and a plain-text preview.
 *
 * Written as Hangul writes its own documents, so that Hangul's tools work on it:
 *
 * - **Styles**: 바탕글, 본문, 개요 1–7, 쪽 번호, 차례 제목, 차례 1–2 (Hangul's own names and
 *   English names) and a few of ours (제목, 표지, 표 글자, 표 항목, 주석). Chapters are 개요 1,
 *   sections 개요 2, `□` 개요 3 and `○` 개요 4, and their paragraph shapes carry the outline level
 *   (`hh:heading type="OUTLINE"`), so Hangul's 개요 view, 차례 만들기 and 차례 새로 고침 find them.
 *   The outline numbering (the section's `outlineShapeIDRef`) writes no numbers of its own: the
 *   headings carry the form's numbering (I, 1., □, ○) as text.
 * - **목차**: a `TABLEOFCONTENTS` field over outline levels 1–2, its entries hyperlinks to the headings
 *   with a dotted right tab and the page number, as Hangul's 차례 writes them. The page numbers
 *   come from laying the document out (two passes, `paginate.ts`); Hangul's 차례 새로 고침 rebuilds them.
 * - **Tables** are characters in the text flow (`treatAsChar="1"`), each in a paragraph of its own,
 *   so they never overlap the text around them; rows are given the height their text needs and grow
 *   with it, are never split across pages (`pageBreak="CELL"`) and header rows repeat. Label cells
 *   wrap at spaces only (`breakNonLatinWord="BREAK_WORD"`) and shrink when a word would not fit.
 * - **Pages**: A4, the page number at the bottom centre of every page from the cover on
 *   (`hp:pageNum`), as the form asks ("표지부터 1페이지"); headings stay with what follows them.
 * - **Metadata** says what wrote the file: `version.xml` names gpuplan, not Hangul.
 *
 * Every string is escaped, and characters XML cannot carry are removed (`xmlSafe`). See
 * docs/export.md for how the output was checked (kordoc, rhwp) and what was not (Hangul itself).
 */
import JSZip from 'jszip';
import type { Align, BulletsBlock, Cell, CellBlock, HeadingBlock, Inline, ParagraphBlock, PlanDocument, TableBlock, TocBlock } from '../core/render';
import { version as VERSION } from '../../../package.json';
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
  lineCount,
  normalizedBlocks,
  placeCells,
  roleSize,
  runText,
  textEm,
  wideLevels,
  xmlSafe,
  type PlacedCell,
} from './layout';

const NS = [
  'xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app"',
  'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph"',
  'xmlns:hp10="http://www.hancom.co.kr/hwpml/2016/paragraph"',
  'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"',
  'xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core"',
  'xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head"',
  'xmlns:hhs="http://www.hancom.co.kr/hwpml/2011/history"',
  'xmlns:hm="http://www.hancom.co.kr/hwpml/2011/master-page"',
  'xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:opf="http://www.idpf.org/2007/opf/"',
  'xmlns:ooxmlchart="http://www.hancom.co.kr/hwpml/2016/ooxmlchart"',
  'xmlns:hwpunitchar="http://www.hancom.co.kr/hwpml/2016/HwpUnitChar"',
  'xmlns:epub="http://www.idpf.org/2007/ops"',
  'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"',
].join(' ');
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>';
const LANGS = ['HANGUL', 'LATIN', 'HANJA', 'JAPANESE', 'OTHER', 'SYMBOL', 'USER'] as const;

export const HWPX_MIMETYPE = 'application/hwp+zip';

/** HWPUNIT: 1/7200 inch. */
const hu = (mm: number): number => Math.round((mm * 7200) / 25.4);
const PT_MM = 25.4 / 72;
/** The margin above and below the text of every table cell. */
export const CELL_MARGIN_HU = hu(0.8);

/** Escapes text for XML content and attribute values, without the characters XML cannot carry. */
function escapeXml(value: string): string {
  return xmlSafe(value).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

const langAttrs = (value: number | string): string => LANGS.map((l) => `${l.toLowerCase()}="${value}"`).join(' ');

// ---------------------------------------------------------------------------------------------
// Header part: shapes are registered as the styles and the body use them.

interface CharKey {
  readonly size: number;
  readonly bold: boolean;
  /** 0 = body face, 1 = heading face */
  readonly font: 0 | 1;
  readonly color: string;
}

interface ParaKey {
  readonly align: 'JUSTIFY' | 'LEFT' | 'CENTER' | 'RIGHT';
  readonly left: number;
  /** Negative: hanging indent (내어쓰기). */
  readonly indent: number;
  readonly before: number;
  readonly after: number;
  readonly line: number;
  readonly keepWithNext: boolean;
  /** borderFill of a paragraph border (the chapter heading's rule), BF.charNone = none. */
  readonly border: number;
  /** Outline level 0–6 (개요 1–7), or -1. */
  readonly outline: number;
  /** Korean wraps at spaces (어절), not between any two syllables (글자). */
  readonly wordWrap: boolean;
  /** tabPr: 0 = none, 1 = the 목차's right tab with dots. */
  readonly tab: 0 | 1;
}

class Registry<K> {
  private readonly ids = new Map<string, number>();
  readonly items: K[] = [];
  id(key: K): number {
    const k = JSON.stringify(key);
    let id = this.ids.get(k);
    if (id === undefined) {
      id = this.items.length;
      this.ids.set(k, id);
      this.items.push(key);
    }
    return id;
  }
}

/** borderFill ids (1-based, as Hangul writes them). */
const BF = { none: 1, charNone: 2, cell: 3, header: 4, mark: 5, chapterRule: 6 } as const;

function borderFill(id: number, sides: { all?: string; bottomOnly?: string; width?: string }, fill?: string): string {
  const line = (name: string, color: string | undefined, width = '0.12 mm') =>
    `<hh:${name} type="${color ? 'SOLID' : 'NONE'}" width="${color ? width : '0.1 mm'}" color="#${color ?? '000000'}"/>`;
  const all = sides.all;
  const bottom = sides.bottomOnly ?? all;
  const brush = fill ? `<hc:fillBrush><hc:winBrush faceColor="#${fill}" hatchColor="#000000" alpha="0"/></hc:fillBrush>` : '';
  return (
    `<hh:borderFill id="${id}" threeD="0" shadow="0" centerLine="NONE" breakCellSeparateLine="0">` +
    '<hh:slash type="NONE" Crooked="0" isCounter="0"/><hh:backSlash type="NONE" Crooked="0" isCounter="0"/>' +
    line('leftBorder', all) +
    line('rightBorder', all) +
    line('topBorder', all) +
    line('bottomBorder', bottom, sides.width) +
    '<hh:diagonal type="SOLID" width="0.1 mm" color="#000000"/>' +
    brush +
    '</hh:borderFill>'
  );
}

function charPr(id: number, k: CharKey): string {
  return (
    `<hh:charPr id="${id}" height="${Math.round(k.size * 100)}" textColor="#${k.color}" shadeColor="none" useFontSpace="0" useKerning="0" symMark="NONE" borderFillIDRef="${BF.charNone}">` +
    `<hh:fontRef ${langAttrs(k.font)}/><hh:ratio ${langAttrs(100)}/><hh:spacing ${langAttrs(0)}/><hh:relSz ${langAttrs(100)}/><hh:offset ${langAttrs(0)}/>` +
    (k.bold ? '<hh:bold/>' : '') +
    '<hh:underline type="NONE" shape="SOLID" color="#000000"/><hh:strikeout shape="NONE" color="#000000"/><hh:outline type="NONE"/>' +
    '<hh:shadow type="NONE" color="#C0C0C0" offsetX="10" offsetY="10"/></hh:charPr>'
  );
}

function paraPr(id: number, k: ParaKey): string {
  const margin =
    `<hh:margin><hc:intent value="${k.indent}" unit="HWPUNIT"/><hc:left value="${k.left}" unit="HWPUNIT"/><hc:right value="0" unit="HWPUNIT"/>` +
    `<hc:prev value="${k.before}" unit="HWPUNIT"/><hc:next value="${k.after}" unit="HWPUNIT"/></hh:margin><hh:lineSpacing type="PERCENT" value="${k.line}" unit="HWPUNIT"/>`;
  const heading = k.outline >= 0 ? `<hh:heading type="OUTLINE" idRef="0" level="${k.outline}"/>` : '<hh:heading type="NONE" idRef="0" level="0"/>';
  return (
    `<hh:paraPr id="${id}" tabPrIDRef="${k.tab}" condense="0" fontLineHeight="0" snapToGrid="0" suppressLineNumbers="0" checked="0">` +
    `<hh:align horizontal="${k.align}" vertical="BASELINE"/>${heading}` +
    `<hh:breakSetting breakLatinWord="KEEP_WORD" breakNonLatinWord="${k.wordWrap ? 'BREAK_WORD' : 'KEEP_WORD'}" widowOrphan="1" keepWithNext="${k.keepWithNext ? 1 : 0}" keepLines="${k.keepWithNext ? 1 : 0}" pageBreakBefore="0" lineWrap="BREAK"/>` +
    '<hh:autoSpacing eAsianEng="0" eAsianNum="0"/>' +
    `<hp:switch><hp:case hp:required-namespace="http://www.hancom.co.kr/hwpml/2016/HwpUnitChar">${margin}</hp:case><hp:default>${margin}</hp:default></hp:switch>` +
    `<hh:border borderFillIDRef="${k.border}" offsetLeft="0" offsetRight="0" offsetTop="0" offsetBottom="${k.border === BF.chapterRule ? hu(1) : 0}" connect="0" ignoreMargin="0"/></hh:paraPr>`
  );
}

// ---------------------------------------------------------------------------------------------
// Styles

const PARA: ParaKey = {
  align: 'JUSTIFY',
  left: 0,
  indent: 0,
  before: 0,
  after: hu(1),
  line: 160,
  keepWithNext: false,
  border: BF.charNone,
  outline: -1,
  wordWrap: false,
  tab: 0,
};
const CELL_PARA: ParaKey = { ...PARA, align: 'LEFT', after: 0, line: 130 };
const BODY_CHAR: CharKey = { size: SIZES.body, bold: false, font: 0, color: COLORS.text };
const GOTHIC = (size: number, bold = false): CharKey => ({ size, bold, font: 1, color: COLORS.text });
const HEADING_SIZES = [SIZES.h1, SIZES.h2, SIZES.h3, SIZES.h4] as const;
const HEADING_BEFORE = [0, hu(6), hu(4), hu(3)] as const;
const headingPara = (level: number): ParaKey => ({
  ...PARA,
  align: 'LEFT',
  keepWithNext: true,
  before: HEADING_BEFORE[Math.min(level, 3)] ?? 0,
  after: level === 0 ? hu(6) : hu(1.5),
  outline: level,
  ...(level === 0 ? { border: BF.chapterRule } : {}),
});
const tocPara = (level: 1 | 2): ParaKey => ({
  ...PARA,
  align: 'LEFT',
  left: level === 1 ? hu(10) : hu(18),
  before: level === 1 ? hu(3) : 0,
  after: hu(1.5),
  tab: 1,
});

interface StyleDef {
  readonly name: string;
  readonly engName: string;
  readonly type?: 'CHAR';
  readonly para: ParaKey;
  readonly char: CharKey;
}

/** The styles, in Hangul's order for its own names; the index is the style id. */
const STYLES: readonly StyleDef[] = [
  { name: '바탕글', engName: 'Normal', para: PARA, char: BODY_CHAR },
  { name: '본문', engName: 'Body', para: PARA, char: BODY_CHAR },
  ...[0, 1, 2, 3, 4, 5, 6].map((level) => ({
    name: `개요 ${level + 1}`,
    engName: `Outline ${level + 1}`,
    para: headingPara(level),
    char: level === 0 ? { ...GOTHIC(SIZES.h1, true), color: COLORS.chapterRule } : GOTHIC(HEADING_SIZES[Math.min(level, 3)], true),
  })),
  { name: '쪽 번호', engName: 'Page Number', type: 'CHAR', para: PARA, char: GOTHIC(SIZES.footer) },
  { name: '차례 제목', engName: 'TOC Heading', para: { ...PARA, align: 'CENTER', after: hu(6), keepWithNext: true }, char: GOTHIC(SIZES.part, true) },
  { name: '차례 1', engName: 'TOC 1', para: tocPara(1), char: GOTHIC(SIZES.h2, true) },
  { name: '차례 2', engName: 'TOC 2', para: tocPara(2), char: GOTHIC(SIZES.body) },
  { name: '제목', engName: 'Title', para: { ...PARA, align: 'CENTER', after: hu(6), keepWithNext: true }, char: GOTHIC(SIZES.part, true) },
  { name: '표지', engName: 'Cover', para: { ...PARA, align: 'CENTER' }, char: GOTHIC(SIZES.coverLine) },
  { name: '표 글자', engName: 'Table Text', para: CELL_PARA, char: GOTHIC(SIZES.cell) },
  { name: '표 항목', engName: 'Table Label', para: { ...CELL_PARA, align: 'CENTER', wordWrap: true }, char: GOTHIC(SIZES.cell, true) },
  { name: '주석', engName: 'Note', para: { ...PARA, align: 'LEFT', before: hu(1.5), after: hu(3) }, char: GOTHIC(SIZES.note) },
];
const STYLE = { body: 1, outline: 2, tocHeading: 10, toc1: 11, toc2: 12, title: 13, cover: 14, tableText: 15, tableLabel: 16, note: 17 } as const;

// ---------------------------------------------------------------------------------------------
// Body

const ALIGN: Record<Align, ParaKey['align']> = { left: 'LEFT', center: 'CENTER', right: 'RIGHT', justify: 'JUSTIFY' };

/** Ids of paragraphs the 목차 links to: far from the running ids of the others. */
const ANCHOR_ID_BASE = 1_000_000;
const FIELD_ID_BASE = 2_000_000;

export interface HwpxOptions {
  /** Page numbers of the 목차 entries by heading id, when known (from laying the document out). */
  readonly tocPages?: ReadonlyMap<string, number>;
  /**
   * Heights of table cells as laid out (HWPUNIT), by table (0-based, in document order) and cell
   * (0-based, in the order the cells are written); they replace the estimates (`paginate.ts`).
   */
  readonly cellHeights?: ReadonlyMap<number, ReadonlyMap<number, number>>;
  /**
   * Headings (by id) that start a page: those that laying the document out left at the bottom of a
   * page, away from what they head. (Every heading keeps with the next paragraph too, for Hangul.)
   */
  readonly breakBefore?: ReadonlySet<string>;
}

class SectionWriter {
  readonly chars = new Registry<CharKey>();
  readonly paras = new Registry<ParaKey>();
  readonly out: string[] = [];
  readonly preview: string[] = [];
  /** Heading id → index of its paragraph among the section's top-level paragraphs. */
  readonly anchors = new Map<string, number>();
  /** Index of each table's paragraph among the section's top-level paragraphs, in document order. */
  readonly tables: number[] = [];
  private readonly anchorIds = new Map<string, number>();
  private paraId = 0;
  private topLevel = 0;
  private objectId = 1;
  private fieldId = FIELD_ID_BASE;
  private pendingBreak = false;
  private first = true;

  constructor(
    headings: readonly HeadingBlock[],
    private readonly options: HwpxOptions,
  ) {
    // The styles' shapes come first, in style order, so the styles can name them.
    for (const style of STYLES) {
      this.chars.id(style.char);
      this.paras.id(style.para);
    }
    headings.forEach((h, i) => this.anchorIds.set(h.id, ANCHOR_ID_BASE + i));
  }

  styleRefs(): Array<{ para: number; char: number }> {
    return STYLES.map((s) => ({ para: this.paras.id(s.para), char: this.chars.id(s.char) }));
  }

  pageBreak(): void {
    if (!this.first) this.pendingBreak = true;
  }

  private char(key: CharKey): number {
    return this.chars.id(key);
  }

  private runs(content: readonly Inline[], base: CharKey): string {
    const parts = content
      .map(asRun)
      .filter((r) => r.text.length > 0)
      .map(
        (r) =>
          `<hp:run charPrIDRef="${this.char({ ...base, ...(r.small ? { size: SIZES.small } : {}), bold: base.bold || Boolean(r.bold) })}"><hp:t>${escapeXml(r.text)}</hp:t></hp:run>`,
      );
    return parts.length > 0 ? parts.join('') : `<hp:run charPrIDRef="${this.char(base)}"/>`;
  }

  /**
   * A paragraph. In the body the first one carries the section definition and the page number,
   * and any paragraph may carry a pending page break.
   */
  private p(style: number, para: ParaKey, inner: string, inCell = false, id?: number): string {
    let lead = '';
    let pageBreak = 0;
    if (!inCell) {
      if (this.first) {
        lead = `<hp:run charPrIDRef="0">${SEC_PR}<hp:ctrl><hp:colPr id="" type="NEWSPAPER" layout="LEFT" colCount="1" sameSz="1" sameGap="0"/></hp:ctrl></hp:run><hp:run charPrIDRef="0"><hp:ctrl><hp:pageNum pos="BOTTOM_CENTER" formatType="DIGIT" sideChar="-"/></hp:ctrl></hp:run>`;
        this.first = false;
      }
      if (this.pendingBreak) {
        pageBreak = 1;
        this.pendingBreak = false;
      }
      this.topLevel++;
    }
    const paraId = id ?? this.paraId++;
    return `<hp:p id="${paraId}" paraPrIDRef="${this.paras.id(para)}" styleIDRef="${style}" pageBreak="${pageBreak}" columnBreak="0" merged="0">${lead}${inner}</hp:p>`;
  }

  paragraph(block: ParagraphBlock, inCell = false, dense = false, cellAlign?: Align): string {
    const text = block.runs.map(runText).join('');
    if (!inCell) this.preview.push(text);
    const align = block.align ?? cellAlign;
    switch (block.role) {
      case 'coverTitle':
        return this.p(STYLE.cover, { ...STYLES[STYLE.cover].para, before: hu(8), after: hu(6) }, this.runs(block.runs, GOTHIC(SIZES.coverTitle, true)));
      case 'coverSubtitle':
        return this.p(
          STYLE.cover,
          { ...STYLES[STYLE.cover].para, before: this.first ? hu(50) : 0, after: hu(6) },
          this.runs(block.runs, GOTHIC(SIZES.coverSubtitle)),
        );
      case 'coverLine':
        return this.p(STYLE.cover, { ...STYLES[STYLE.cover].para, after: hu(4) }, this.runs(block.runs, GOTHIC(SIZES.coverLine)));
      case 'note':
        return this.p(STYLE.note, STYLES[STYLE.note].para, this.runs(block.runs, GOTHIC(SIZES.note)), inCell);
      case 'cell':
      case 'pledge':
        return this.p(
          STYLE.tableText,
          { ...CELL_PARA, align: align ? ALIGN[align] : 'LEFT', ...(block.role === 'pledge' ? { before: hu(1.5), after: hu(1.5), line: 150 } : {}) },
          this.runs(block.runs, GOTHIC(roleSize(block.role, dense))),
          inCell,
        );
      default:
        return this.p(STYLE.body, { ...PARA, align: align ? ALIGN[align] : 'JUSTIFY' }, this.runs(block.runs, BODY_CHAR), inCell);
    }
  }

  bullets(block: BulletsBlock, inCell = false, dense = false): string {
    const geometry = bulletGeometry(wideLevels(block), inCell);
    return block.items
      .map((item, index) => {
        if (!inCell) this.preview.push(`${item.marker} ${item.text}`);
        const i = item.level - 1;
        const marker = hu(geometry.marker[i]);
        const left = hu(geometry.indent[i]) + marker;
        const para: ParaKey = inCell
          ? { ...CELL_PARA, left, indent: -marker }
          : { ...PARA, left, indent: -marker, after: hu(0.8), keepWithNext: headsItems(block, index) };
        const char = inCell ? GOTHIC(dense ? SIZES.denseCell : SIZES.cell) : BODY_CHAR;
        return this.p(inCell ? STYLE.tableText : STYLE.body, para, this.runs([`${item.marker} ${item.text}`], char), inCell);
      })
      .join('');
  }

  heading(h: HeadingBlock): string {
    this.preview.push(h.text);
    if (this.options.breakBefore?.has(h.id)) this.pageBreak();
    this.anchors.set(h.id, this.topLevel);
    if (h.level === 1 && !h.toc) {
      // 요약서, 붙임, the findings: headed, but not in the form's 목차, so not an outline level.
      return this.p(STYLE.title, STYLES[STYLE.title].para, this.runs([h.text], STYLES[STYLE.title].char));
    }
    const level = h.level - 1;
    const style = STYLES[STYLE.outline + level];
    // One run, so that every reader gets "I 과제 개요" whole; the rule under a chapter marks it.
    return this.p(STYLE.outline + level, style.para, this.runs([h.text], style.char), false, this.anchorIds.get(h.id));
  }

  toc(toc: TocBlock, headingText: ReadonlyMap<string, string>): string {
    this.preview.push(toc.title);
    const begin = this.fieldId++;
    const command =
      'TableOfContents:set:140:ContentsMake:uint:31 ContentsStyles:wstring:0: ContentsLevel:int:2 ContentsAutoTabRight:int:0 ContentsLeader:int:3 ContentsHyperlink:bool:1  ';
    const open =
      `<hp:run charPrIDRef="${this.char(STYLES[STYLE.tocHeading].char)}"><hp:ctrl><hp:fieldBegin id="${begin}" type="TABLEOFCONTENTS" name="" editable="1" dirty="0" zorder="-1" fieldid="${begin}" metaTag="">` +
      `<hp:parameters cnt="2" name=""><hp:integerParam name="Prop">8</hp:integerParam><hp:stringParam name="Command" xml:space="preserve">${command}</hp:stringParam></hp:parameters></hp:fieldBegin></hp:ctrl>` +
      `<hp:t>${escapeXml(toc.title)}</hp:t></hp:run>`;
    const title = this.p(STYLE.tocHeading, STYLES[STYLE.tocHeading].para, open);
    const entries = toc.entries.map((e) => {
      const text = headingText.get(e.id) ?? e.text;
      this.preview.push(text);
      const style = e.level === 1 ? STYLE.toc1 : STYLE.toc2;
      const char = this.char(STYLES[style].char);
      const link = this.fieldId++;
      const target = this.anchorIds.get(e.id);
      const page = this.options.tocPages?.get(e.id);
      // The tab's width as laid out: from the end of the title to the right margin. Its dots come
      // from the paragraph's tab stop (tabPr 1, as Hangul and rhwp draw them); the tab itself says
      // no leader, since readers that take a leader tab for the end of a 목차 line drop the number.
      const size = STYLES[style].char.size;
      const tabWidth = Math.max(hu(5), hu(TEXT_WIDTH_MM) - STYLES[style].para.left - hu(textEm(text) * size * PT_MM));
      const number = page !== undefined ? `<hp:tab width="${tabWidth}" leader="0" type="2"/>${page}` : '';
      const inner =
        (target !== undefined
          ? `<hp:run charPrIDRef="${char}"><hp:ctrl><hp:fieldBegin id="${link}" type="HYPERLINK" name="" editable="0" dirty="0" zorder="-1" fieldid="${link}" metaTag=""><hp:parameters cnt="5" name="">` +
            `<hp:integerParam name="Prop">0</hp:integerParam><hp:stringParam name="Command">?#${target};0;1;0;</hp:stringParam><hp:stringParam name="Category">HWPHYPERLINK_TYPE_HWP</hp:stringParam>` +
            '<hp:stringParam name="TargetType">HWPHYPERLINK_TARGET_OUTLINE</hp:stringParam><hp:stringParam name="DocOpenType">HWPHYPERLINK_JUMP_CURRENTTAB</hp:stringParam></hp:parameters></hp:fieldBegin></hp:ctrl></hp:run>'
          : '') +
        `<hp:run charPrIDRef="${char}"><hp:t>${escapeXml(text)}${number}</hp:t></hp:run>` +
        (target !== undefined ? `<hp:run charPrIDRef="${char}"><hp:ctrl><hp:fieldEnd beginIDRef="${link}" fieldid="${link}"/></hp:ctrl></hp:run>` : '');
      return this.p(style, STYLES[style].para, inner);
    });
    const close = this.p(
      STYLE.toc2,
      { ...STYLES[STYLE.toc2].para, after: 0, line: 100 },
      `<hp:run charPrIDRef="${this.char(STYLES[STYLE.toc2].char)}"><hp:ctrl><hp:fieldEnd beginIDRef="${begin}" fieldid="${begin}"/></hp:ctrl></hp:run>`,
    );
    return title + entries.join('') + close;
  }

  private labelContent(cell: Cell, table: TableBlock, placed: PlacedCell): string {
    const dense = Boolean(table.dense);
    const fitted = fitLabel(cellParagraphTexts(cell.blocks), cellTextWidthMm(table, placed), cellSizePt(table));
    const para: ParaKey = { ...STYLES[STYLE.tableLabel].para, align: cell.align ? ALIGN[cell.align] : 'CENTER' };
    // fitLabel has one entry per paragraph and per bullet, in the order of cellParagraphTexts.
    let index = 0;
    return cell.blocks
      .map((b) => {
        if (b.kind !== 'paragraph') {
          index += b.items.length;
          return this.bullets(b, true, dense);
        }
        const lines = fitted.lines[index++] ?? [];
        const size = (small: boolean | undefined) => (small ? Math.min(SIZES.small, fitted.sizePt) : fitted.sizePt);
        const runs = b.runs.map(asRun).filter((r) => r.text.length > 0);
        // One run (the usual label): its lines, with the breaks between them; else the runs as they are.
        const inner =
          runs.length === 1
            ? `<hp:run charPrIDRef="${this.char(GOTHIC(size(runs[0].small), true))}"><hp:t>${lines.map(escapeXml).join('<hp:lineBreak/>')}</hp:t></hp:run>`
            : runs.map((r) => `<hp:run charPrIDRef="${this.char(GOTHIC(size(r.small), true))}"><hp:t>${escapeXml(r.text)}</hp:t></hp:run>`).join('');
        return this.p(
          STYLE.tableLabel,
          { ...para, ...(b.align ? { align: ALIGN[b.align] } : {}) },
          inner || `<hp:run charPrIDRef="${this.char(GOTHIC(fitted.sizePt, true))}"/>`,
          true,
        );
      })
      .join('');
  }

  private cellContent(cell: Cell, table: TableBlock, placed: PlacedCell): string {
    if (cell.header && cell.blocks.length > 0) return this.labelContent(cell, table, placed);
    const dense = Boolean(table.dense);
    const inner = cell.blocks
      .map((b: CellBlock) => (b.kind === 'paragraph' ? this.paragraph(b, true, dense, cell.align) : this.bullets(b, true, dense)))
      .join('');
    return inner || this.p(STYLE.tableText, CELL_PARA, `<hp:run charPrIDRef="${this.char(GOTHIC(cellSizePt(table)))}"/>`, true);
  }

  table(table: TableBlock): string {
    const width = hu(TEXT_WIDTH_MM);
    const sum = table.columns.reduce((a, b) => a + b, 0) || 1;
    const widths = table.columns.map((c) => Math.floor((c / sum) * width));
    widths[widths.length - 1] += width - widths.reduce((a, b) => a + b, 0);
    const heads = headerRowCount(table);
    const padding = hu(cellPaddingMm(Boolean(table.dense)));
    const vPadding = CELL_MARGIN_HU;
    const placed = placeCells(table);
    // Each cell as high as its own text (laid out by rhwp when known, else estimated), each row as
    // its tallest cell: see tableHeights.
    const estimate = tableHeights(table, placed);
    const measured = this.options.cellHeights?.get(this.tables.length);
    const cellHeight = new Map<PlacedCell, number>();
    placed.flat().forEach((pc, i) => cellHeight.set(pc, measured?.get(i) ?? hu(estimate.cells.get(pc) ?? 0)));
    const rowHeight = estimate.rows.map((mm) => hu(mm));
    if (measured) {
      rowHeight.fill(0);
      for (const pc of placed.flat()) if (pc.rowspan === 1) rowHeight[pc.row] = Math.max(rowHeight[pc.row], cellHeight.get(pc) ?? 0);
    }
    const rows = placed.map((cells) => {
      const xml = cells.map((pc) => {
        const bf = pc.cell.marked ? BF.mark : pc.cell.header ? BF.header : BF.cell;
        const w = widths.slice(pc.column, pc.column + pc.colspan).reduce((a, b) => a + b, 0);
        const h = cellHeight.get(pc) ?? 0;
        return (
          `<hp:tc name="" header="${pc.row < heads ? 1 : 0}" hasMargin="1" protect="0" editable="0" dirty="0" borderFillIDRef="${bf}">` +
          '<hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="CENTER" linkListIDRef="0" linkListNextIDRef="0" textWidth="0" textHeight="0" hasTextRef="0" hasNumRef="0">' +
          this.cellContent(pc.cell, table, pc) +
          '</hp:subList>' +
          `<hp:cellAddr colAddr="${pc.column}" rowAddr="${pc.row}"/><hp:cellSpan colSpan="${pc.colspan}" rowSpan="${pc.rowspan}"/>` +
          `<hp:cellSz width="${w}" height="${h}"/><hp:cellMargin left="${padding}" right="${padding}" top="${vPadding}" bottom="${vPadding}"/></hp:tc>`
        );
      });
      return `<hp:tr>${xml.join('')}</hp:tr>`;
    });
    const id = this.objectId++;
    const height = rowHeight.reduce((a, b) => a + b, 0);
    const tbl =
      `<hp:tbl id="${id}" zOrder="${id - 1}" numberingType="TABLE" textWrap="TOP_AND_BOTTOM" textFlow="BOTH_SIDES" lock="0" dropcapstyle="None" pageBreak="CELL" repeatHeader="${heads > 0 ? 1 : 0}" rowCnt="${table.rows.length}" colCnt="${table.columns.length}" cellSpacing="0" borderFillIDRef="${BF.cell}" noAdjust="0">` +
      `<hp:sz width="${width}" widthRelTo="ABSOLUTE" height="${height}" heightRelTo="ABSOLUTE" protect="0"/>` +
      // A character in the text flow: the table takes its place in the lines, nothing floats over it.
      '<hp:pos treatAsChar="1" affectLSpacing="0" flowWithText="1" allowOverlap="0" holdAnchorAndSO="0" vertRelTo="PARA" horzRelTo="PARA" vertAlign="TOP" horzAlign="LEFT" vertOffset="0" horzOffset="0"/>' +
      `<hp:outMargin left="0" right="0" top="0" bottom="0"/><hp:inMargin left="${padding}" right="${padding}" top="${vPadding}" bottom="${vPadding}"/>` +
      rows.join('') +
      '</hp:tbl>';
    for (const row of table.rows) this.preview.push(row.cells.map((c) => cellParagraphTexts(c.blocks).join(' ')).join(' | '));
    this.tables.push(this.topLevel);
    return this.p(STYLE.body, { ...PARA, align: 'LEFT', after: hu(3), line: 100 }, `<hp:run charPrIDRef="0">${tbl}<hp:t/></hp:run>`);
  }
}

/**
 * Heights (mm) for a table's cells and rows, from the lines their text takes, estimated on the low
 * side: every cell is given the height of its own text and every row that of its tallest cell, so
 * that readers grow a row when their fonts need more room (rows grow with their text, never spill),
 * and no cell claims more height than its text, which makes rhwp break its lines early.
 */
export function tableHeights(
  table: TableBlock,
  placed: readonly (readonly PlacedCell[])[] = placeCells(table),
): { cells: Map<PlacedCell, number>; rows: number[] } {
  const size = cellSizePt(table);
  const lineMm = (pt: number) => pt * PT_MM * 1.3;
  const vPadding = 2 * 0.8;
  // Lines at 90% of the typical widths: a lower bound for the fonts a reader may use.
  const lines = (text: string, widthMm: number, pt: number) => lineCount(text, widthMm / 0.9, pt);
  const cellMm = (pc: PlacedCell): number => {
    const width = cellTextWidthMm(table, pc);
    if (pc.cell.header) {
      const fitted = fitLabel(cellParagraphTexts(pc.cell.blocks), width, size);
      return (
        vPadding +
        Math.max(
          1,
          fitted.lines.reduce((n, l) => n + l.length, 0),
        ) *
          lineMm(fitted.sizePt)
      );
    }
    let mm = vPadding;
    for (const block of pc.cell.blocks) {
      if (block.kind === 'paragraph') {
        const smallOnly = block.runs.length > 0 && block.runs.every((r) => typeof r !== 'string' && r.small);
        const pt = smallOnly ? SIZES.small : block.role === 'pledge' ? size : roleSize(block.role, Boolean(table.dense));
        const text = block.runs.map(runText).join('');
        mm += block.role === 'pledge' ? lines(text, width, pt) * pt * PT_MM * 1.5 + 3 : lines(text, width, pt) * lineMm(pt);
      } else {
        const geometry = bulletGeometry(wideLevels(block), true);
        for (const item of block.items) mm += lines(item.text, width - geometry.indent[item.level - 1] - geometry.marker[item.level - 1], size) * lineMm(size);
      }
    }
    return Math.max(mm, vPadding + lineMm(size));
  };
  const cells = new Map<PlacedCell, number>();
  for (const row of placed) for (const pc of row) cells.set(pc, cellMm(pc));
  const rows = table.rows.map(() => vPadding + lineMm(size));
  for (const row of placed) for (const pc of row) if (pc.rowspan === 1) rows[pc.row] = Math.max(rows[pc.row], cells.get(pc) ?? 0);
  // A cell across rows: the last of its rows takes what the rows lack.
  for (const row of placed) {
    for (const pc of row) {
      if (pc.rowspan === 1) continue;
      const have = rows.slice(pc.row, pc.row + pc.rowspan).reduce((a, b) => a + b, 0);
      const need = cells.get(pc) ?? 0;
      if (need > have) rows[pc.row + pc.rowspan - 1] += need - have;
    }
  }
  return { cells, rows };
}

const SEC_PR =
  '<hp:secPr id="" textDirection="HORIZONTAL" spaceColumns="1134" tabStop="8000" tabStopVal="4000" tabStopUnit="HWPUNIT" outlineShapeIDRef="1" memoShapeIDRef="0" textVerticalWidthHead="0" masterPageCnt="0">' +
  '<hp:grid lineGrid="0" charGrid="0" wonggojiFormat="0"/><hp:startNum pageStartsOn="BOTH" page="0" pic="0" tbl="0" equation="0"/>' +
  '<hp:visibility hideFirstHeader="0" hideFirstFooter="0" hideFirstMasterPage="0" border="SHOW_ALL" fill="SHOW_ALL" hideFirstPageNum="0" hideFirstEmptyLine="0" showLineNumber="0"/>' +
  '<hp:lineNumberShape restartType="0" countBy="0" distance="0" startNumber="0"/>' +
  `<hp:pagePr landscape="WIDELY" width="59528" height="84188" gutterType="LEFT_ONLY">` +
  `<hp:margin header="${hu(5)}" footer="${hu(PAGE.marginBottomMm - PAGE.footerMm)}" gutter="0" left="${hu(PAGE.marginLeftMm)}" right="${hu(PAGE.marginRightMm)}" top="${hu(PAGE.marginTopMm - 5)}" bottom="${hu(PAGE.footerMm)}"/></hp:pagePr>` +
  '<hp:footNotePr><hp:autoNumFormat type="DIGIT" userChar="" prefixChar="" suffixChar=")" supscript="0"/><hp:noteLine length="-1" type="SOLID" width="0.12 mm" color="#000000"/><hp:noteSpacing betweenNotes="283" belowLine="567" aboveLine="850"/><hp:numbering type="CONTINUOUS" newNum="1"/><hp:placement place="EACH_COLUMN" beneathText="0"/></hp:footNotePr>' +
  '<hp:endNotePr><hp:autoNumFormat type="DIGIT" userChar="" prefixChar="" suffixChar=")" supscript="0"/><hp:noteLine length="14692344" type="SOLID" width="0.12 mm" color="#000000"/><hp:noteSpacing betweenNotes="0" belowLine="567" aboveLine="850"/><hp:numbering type="CONTINUOUS" newNum="1"/><hp:placement place="END_OF_DOCUMENT" beneathText="0"/></hp:endNotePr>' +
  ['BOTH', 'EVEN', 'ODD']
    .map(
      (t) =>
        `<hp:pageBorderFill type="${t}" borderFillIDRef="${BF.none}" textBorder="PAPER" headerInside="0" footerInside="0" fillArea="PAPER"><hp:offset left="1417" right="1417" top="1417" bottom="1417"/></hp:pageBorderFill>`,
    )
    .join('') +
  '</hp:secPr>';

/**
 * The outline numbering the section refers to (`outlineShapeIDRef="1"`): seven levels that write
 * no number, since the headings carry the form's own numbering as text.
 */
const OUTLINE_NUMBERING =
  '<hh:numberings itemCnt="1"><hh:numbering id="1" start="0">' +
  [1, 2, 3, 4, 5, 6, 7]
    .map(
      (level) =>
        `<hh:paraHead start="1" level="${level}" align="LEFT" useInstWidth="1" autoIndent="1" widthAdjust="0" textOffsetType="PERCENT" textOffset="50" numFormat="DIGIT" charPrIDRef="4294967295" checkable="0"/>`,
    )
    .join('') +
  '</hh:numbering></hh:numberings>';

/** Tab shapes: 0 none; 1 the 목차's, a right tab at the right margin with a dotted leader. */
const TAB_PROPERTIES =
  '<hh:tabProperties itemCnt="2"><hh:tabPr id="0" autoTabLeft="0" autoTabRight="0"/>' +
  `<hh:tabPr id="1" autoTabLeft="0" autoTabRight="0"><hh:tabItem pos="${hu(TEXT_WIDTH_MM)}" type="RIGHT" leader="DOT" unit="HWPUNIT"/></hh:tabPr></hh:tabProperties>`;

function headerXml(w: SectionWriter): string {
  const font = (id: number, face: string, family: string) =>
    `<hh:font id="${id}" face="${escapeXml(face)}" type="TTF" isEmbedded="0"><hh:typeInfo familyType="${family}" weight="6" proportion="4" contrast="0" strokeVariation="1" armStyle="1" letterform="1" midline="1" xHeight="1"/></hh:font>`;
  const fonts = font(0, FONTS.body, 'FCAT_MYUNGJO') + font(1, FONTS.heading, 'FCAT_GOTHIC');
  const fontfaces = `<hh:fontfaces itemCnt="${LANGS.length}">${LANGS.map((l) => `<hh:fontface lang="${l}" fontCnt="2">${fonts}</hh:fontface>`).join('')}</hh:fontfaces>`;
  const borderFills = [
    borderFill(BF.none, {}),
    borderFill(BF.charNone, {}),
    borderFill(BF.cell, { all: COLORS.border }),
    borderFill(BF.header, { all: COLORS.border }, COLORS.headerFill),
    borderFill(BF.mark, { all: COLORS.border }, COLORS.markFill),
    borderFill(BF.chapterRule, { bottomOnly: COLORS.chapterRule, width: '0.5 mm' }),
  ];
  const refs = w.styleRefs();
  const styles = STYLES.map((s, id) => {
    const next = s.type === 'CHAR' ? 0 : id >= STYLE.outline && id < STYLE.outline + 7 ? STYLE.body : id;
    return `<hh:style id="${id}" type="${s.type ?? 'PARA'}" name="${escapeXml(s.name)}" engName="${s.engName}" paraPrIDRef="${refs[id].para}" charPrIDRef="${refs[id].char}" nextStyleIDRef="${next}" langID="1042" lockForm="0"/>`;
  });
  const chars = w.chars.items.map((k, i) => charPr(i, k));
  const paras = w.paras.items.map((k, i) => paraPr(i, k));
  return (
    `${XML}<hh:head ${NS} version="1.4" secCnt="1"><hh:beginNum page="1" footnote="1" endnote="1" pic="1" tbl="1" equation="1"/><hh:refList>` +
    fontfaces +
    `<hh:borderFills itemCnt="${borderFills.length}">${borderFills.join('')}</hh:borderFills>` +
    `<hh:charProperties itemCnt="${chars.length}">${chars.join('')}</hh:charProperties>` +
    TAB_PROPERTIES +
    OUTLINE_NUMBERING +
    `<hh:paraProperties itemCnt="${paras.length}">${paras.join('')}</hh:paraProperties>` +
    `<hh:styles itemCnt="${styles.length}">${styles.join('')}</hh:styles>` +
    '</hh:refList><hh:compatibleDocument targetProgram="HWP201X"><hh:layoutCompatibility/></hh:compatibleDocument>' +
    '<hh:docOption><hh:linkinfo path="" pageInherit="0" footnoteInherit="0"/></hh:docOption><hh:trackchageConfig flags="56"/></hh:head>'
  );
}

function contentHpf(doc: PlanDocument): string {
  const meta = (name: string, value = '') => `<opf:meta name="${name}" content="text">${escapeXml(value)}</opf:meta>`;
  return (
    `${XML}<opf:package ${NS} version="" unique-identifier="" id=""><opf:metadata><opf:title>${escapeXml(doc.meta.title)}</opf:title><opf:language>ko</opf:language>` +
    meta('creator', doc.meta.author ?? '') +
    meta('subject', '「첨단 GPU 활용 지원 사업」 사업수행계획서') +
    meta('description', doc.meta.organization ?? '') +
    meta('lastsaveby', 'gpuplan') +
    meta('keyword', '첨단 GPU 활용 지원 사업') +
    '</opf:metadata><opf:manifest>' +
    '<opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>' +
    '<opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/>' +
    '<opf:item id="settings" href="settings.xml" media-type="application/xml"/>' +
    '</opf:manifest><opf:spine><opf:itemref idref="header" linear="yes"/><opf:itemref idref="section0" linear="yes"/></opf:spine></opf:package>'
  );
}

/** The file format version (OWPML 1.4), and the program that wrote the file: gpuplan, not Hangul. */
const versionXml = (): string =>
  `${XML}<hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" tagetApplication="WORDPROCESSOR" major="5" minor="1" micro="0" buildNumber="0" os="0" xmlVersion="1.4" application="gpuplan" appVersion="${escapeXml(VERSION)}"/>`;
const SETTINGS_XML = `${XML}<ha:HWPApplicationSetting xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"><ha:CaretPosition listIDRef="0" paraIDRef="0" pos="0"/></ha:HWPApplicationSetting>`;
const CONTAINER_XML = `${XML}<ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf"><ocf:rootfiles><ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/><ocf:rootfile full-path="Preview/PrvText.txt" media-type="text/plain"/></ocf:rootfiles></ocf:container>`;
const MANIFEST_XML = `${XML}<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`;

export interface HwpxParts {
  readonly header: string;
  readonly section: string;
  readonly preview: string;
  /** Heading id → index of its paragraph among the section's top-level paragraphs (for pagination), in document order. */
  readonly anchors: ReadonlyMap<string, number>;
  /** Index of each table's paragraph among the section's top-level paragraphs, in document order. */
  readonly tables: readonly number[];
}

/** The section and header XML of a document (for tests, inspection and pagination). */
export function hwpxParts(doc: PlanDocument, options: HwpxOptions = {}): HwpxParts {
  const headings = doc.blocks.filter((b): b is HeadingBlock => b.kind === 'heading');
  const headingText = new Map(headings.map((h) => [h.id, h.text] as const));
  const w = new SectionWriter(headings, options);
  for (const block of normalizedBlocks(doc)) {
    switch (block.kind) {
      case 'pageBreak':
        w.pageBreak();
        break;
      case 'heading':
        w.out.push(w.heading(block));
        break;
      case 'paragraph':
        w.out.push(w.paragraph(block));
        break;
      case 'bullets':
        w.out.push(w.bullets(block));
        break;
      case 'table':
        w.out.push(w.table(block));
        break;
      case 'toc':
        w.out.push(w.toc(block, headingText));
        break;
    }
  }
  const section = `${XML}<hs:sec ${NS}>${w.out.join('')}</hs:sec>`;
  return { header: headerXml(w), section, preview: xmlSafe(w.preview.join('\r\n').slice(0, 1024)), anchors: w.anchors, tables: w.tables };
}

/** ZIP entries dated at the format's epoch (1980-01-01): the file carries no made-up date, and is reproducible. */
const ZIP_DATE = new Date(1980, 0, 1);

/** The document as a .hwpx file. */
export function renderHwpx(doc: PlanDocument, options: HwpxOptions = {}): Promise<Uint8Array> {
  return packHwpx(doc, hwpxParts(doc, options));
}

/** The parts of a document as a .hwpx file. */
export async function packHwpx(doc: PlanDocument, { header, section, preview }: HwpxParts): Promise<Uint8Array> {
  const zip = new JSZip();
  const entry = { date: ZIP_DATE, createFolders: false } as const;
  // The mimetype comes first and is stored, so readers recognise the package by its first bytes.
  zip.file('mimetype', HWPX_MIMETYPE, { ...entry, compression: 'STORE' });
  zip.file('version.xml', versionXml(), entry);
  zip.file('META-INF/container.xml', CONTAINER_XML, entry);
  zip.file('META-INF/manifest.xml', MANIFEST_XML, entry);
  zip.file('Contents/content.hpf', contentHpf(doc), entry);
  zip.file('Contents/header.xml', header, entry);
  zip.file('Contents/section0.xml', section, entry);
  zip.file('settings.xml', SETTINGS_XML, entry);
  zip.file('Preview/PrvText.txt', preview, entry);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
