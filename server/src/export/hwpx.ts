/**
 * The document model as HWPX: the open OWPML package (KS X 6101) that Hancom Office Hangul reads
 * and writes. A ZIP whose first entry is the uncompressed `mimetype`, then `version.xml`,
 * `META-INF/container.xml` (pointing at `Contents/content.hpf`), the header part with fonts,
 * borders, character and paragraph shapes and styles, one section with the body, `settings.xml` and
 * a plain-text preview.
 *
 * Layout follows the other formats: A4, page number at the bottom centre of every page from the
 * cover on (`hp:pageNum`), tables with merged cells and repeated header rows, the bullet ladder as
 * hanging indents. The table of contents is written as plain entries (Hangul's own 차례 can be
 * made from the headings' styles).
 *
 * Written from the published structure of OWPML documents; see docs/export.md for how it was
 * checked and what was not.
 */
import JSZip from 'jszip';
import type { Align, BulletsBlock, CellBlock, HeadingBlock, Inline, ParagraphBlock, PlanDocument, TableBlock, TocBlock } from '../core/render';
import { COLORS, bulletGeometry, wideLevels, FONTS, PAGE, SIZES, TEXT_WIDTH_MM, asRun, headerRowCount, normalizedBlocks, placeCells, roleSize, runText } from './layout';

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

function escapeXml(value: string): string {
  return value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}

const langAttrs = (value: number | string): string => LANGS.map((l) => `${l.toLowerCase()}="${value}"`).join(' ');

// ---------------------------------------------------------------------------------------------
// Header part: shapes are registered as the body uses them.

interface CharKey {
  readonly size: number;
  readonly bold: boolean;
  /** 0 = body face, 1 = heading face */
  readonly font: 0 | 1;
  readonly color: string;
  readonly shade?: string;
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
  /** borderFill of a paragraph border (the chapter heading's rule), 2 = none. */
  readonly border: number;
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
const BF = { none: 1, charNone: 2, cell: 3, header: 4, mark: 5, warnCell: 6, warnHeader: 7, chapterRule: 8 } as const;

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
    `<hh:charPr id="${id}" height="${Math.round(k.size * 100)}" textColor="#${k.color}" shadeColor="${k.shade ? `#${k.shade}` : 'none'}" useFontSpace="0" useKerning="0" symMark="NONE" borderFillIDRef="${BF.charNone}">` +
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
  return (
    `<hh:paraPr id="${id}" tabPrIDRef="0" condense="0" fontLineHeight="0" snapToGrid="0" suppressLineNumbers="0" checked="0">` +
    `<hh:align horizontal="${k.align}" vertical="BASELINE"/><hh:heading type="NONE" idRef="0" level="0"/>` +
    `<hh:breakSetting breakLatinWord="KEEP_WORD" breakNonLatinWord="KEEP_WORD" widowOrphan="0" keepWithNext="${k.keepWithNext ? 1 : 0}" keepLines="0" pageBreakBefore="0" lineWrap="BREAK"/>` +
    '<hh:autoSpacing eAsianEng="0" eAsianNum="0"/>' +
    `<hp:switch><hp:case hp:required-namespace="http://www.hancom.co.kr/hwpml/2016/HwpUnitChar">${margin}</hp:case><hp:default>${margin}</hp:default></hp:switch>` +
    `<hh:border borderFillIDRef="${k.border}" offsetLeft="0" offsetRight="0" offsetTop="0" offsetBottom="${k.border === BF.chapterRule ? hu(1) : 0}" connect="0" ignoreMargin="0"/></hh:paraPr>`
  );
}

// ---------------------------------------------------------------------------------------------
// Body

const ALIGN: Record<Align, ParaKey['align']> = { left: 'LEFT', center: 'CENTER', right: 'RIGHT', justify: 'JUSTIFY' };

const BODY_PARA: ParaKey = { align: 'JUSTIFY', left: 0, indent: 0, before: 0, after: hu(1), line: 160, keepWithNext: false, border: BF.charNone };
const CELL_PARA: ParaKey = { align: 'LEFT', left: 0, indent: 0, before: 0, after: 0, line: 130, keepWithNext: false, border: BF.charNone };

class SectionWriter {
  readonly chars = new Registry<CharKey>();
  readonly paras = new Registry<ParaKey>();
  readonly out: string[] = [];
  readonly preview: string[] = [];
  private paraId = 0;
  private objectId = 1000;
  private pendingBreak = false;
  private first = true;

  constructor() {
    // Ids 0 of both lists are the 바탕글 style's shapes.
    this.chars.id({ size: SIZES.body, bold: false, font: 0, color: COLORS.text });
    this.paras.id(BODY_PARA);
  }

  pageBreak(): void {
    if (!this.first) this.pendingBreak = true;
  }

  private char(size: number, bold: boolean, font: 0 | 1, color: string = COLORS.text, shade?: string): number {
    return this.chars.id({ size, bold, font, color, ...(shade ? { shade } : {}) });
  }

  private runs(content: readonly Inline[], size: number, font: 0 | 1, bold = false, color?: string): string {
    const parts = content
      .map(asRun)
      .filter((r) => r.text.length > 0)
      .map((r) => `<hp:run charPrIDRef="${this.char(r.small ? SIZES.small : size, bold || Boolean(r.bold), font, color)}"><hp:t>${escapeXml(r.text)}</hp:t></hp:run>`);
    return parts.length > 0 ? parts.join('') : `<hp:run charPrIDRef="${this.char(size, bold, font, color)}"/>`;
  }

  /** A paragraph: in the body it may carry the section definition (first) and a pending page break. */
  private p(para: ParaKey, inner: string, inCell = false): string {
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
    }
    return `<hp:p id="${this.paraId++}" paraPrIDRef="${this.paras.id(para)}" styleIDRef="0" pageBreak="${pageBreak}" columnBreak="0" merged="0">${lead}${inner}</hp:p>`;
  }

  paragraph(block: ParagraphBlock, inCell = false, dense = false, cellAlign?: Align, header = false): string {
    const text = block.runs.map(runText).join('');
    if (!inCell) this.preview.push(text);
    const align = block.align ?? cellAlign;
    switch (block.role) {
      case 'coverTitle':
        return this.p({ ...BODY_PARA, align: 'CENTER', before: hu(8), after: hu(6) }, this.runs(block.runs, SIZES.coverTitle, 1, true));
      case 'coverSubtitle':
        return this.p({ ...BODY_PARA, align: 'CENTER', before: this.first ? hu(50) : 0, after: hu(6) }, this.runs(block.runs, SIZES.coverSubtitle, 1));
      case 'coverLine':
        return this.p({ ...BODY_PARA, align: 'CENTER', after: hu(4) }, this.runs(block.runs, SIZES.coverLine, 1));
      case 'note':
        return this.p({ ...BODY_PARA, align: 'LEFT', before: hu(1.5), after: hu(3) }, this.runs(block.runs, SIZES.note, 1));
      case 'warning':
        return this.p({ ...BODY_PARA, align: 'LEFT', after: hu(3) }, this.runs(block.runs, SIZES.note, 1, false, COLORS.warning));
      case 'cell':
      case 'pledge':
        return this.p(
          { ...CELL_PARA, align: align ? ALIGN[align] : 'LEFT', ...(block.role === 'pledge' ? { before: hu(1.5), after: hu(1.5), line: 150 } : {}) },
          this.runs(block.runs, roleSize(block.role, dense), 1, header),
          inCell,
        );
      default:
        return this.p({ ...BODY_PARA, align: align ? ALIGN[align] : 'JUSTIFY' }, this.runs(block.runs, SIZES.body, 0), inCell);
    }
  }

  bullets(block: BulletsBlock, inCell = false, dense = false): string {
    const geometry = bulletGeometry(wideLevels(block), inCell);
    return block.items
      .map((item) => {
        if (!inCell) this.preview.push(`${item.marker} ${item.text}`);
        const i = item.level - 1;
        const marker = hu(geometry.marker[i]);
        const left = hu(geometry.indent[i]) + marker;
        const para: ParaKey = inCell ? { ...CELL_PARA, left, indent: -marker } : { ...BODY_PARA, left, indent: -marker, after: hu(0.8) };
        const size = inCell ? (dense ? SIZES.denseCell : SIZES.cell) : SIZES.body;
        return this.p(para, this.runs([`${item.marker} ${item.text}`], size, inCell ? 1 : 0), inCell);
      })
      .join('');
  }

  heading(h: HeadingBlock): string {
    this.preview.push(h.text);
    const keep = { ...BODY_PARA, align: 'LEFT' as const, keepWithNext: true };
    if (h.level === 1 && !h.toc) {
      return this.p({ ...keep, align: 'CENTER', after: hu(6) }, this.runs([h.text], SIZES.part, 1, true));
    }
    if (h.level === 1) {
      // One run, so that every reader gets "I 과제 개요" whole; the rule under it marks the chapter.
      return this.p({ ...keep, after: hu(6), border: BF.chapterRule }, this.runs([h.text], SIZES.h1, 1, true, COLORS.chapterRule));
    }
    const size = h.level === 2 ? SIZES.h2 : h.level === 3 ? SIZES.h3 : SIZES.h4;
    const before = h.level === 2 ? hu(6) : h.level === 3 ? hu(4) : hu(3);
    return this.p({ ...keep, before, after: hu(1.5) }, this.runs([h.text], size, 1, true));
  }

  toc(toc: TocBlock): string {
    const title = this.heading({ kind: 'heading', level: 1, title: toc.title, text: toc.title, toc: false, id: 'toc' });
    const entries = toc.entries.map((e) => {
      this.preview.push(e.text);
      return this.p({ ...BODY_PARA, align: 'LEFT', left: e.level === 1 ? hu(10) : hu(18), before: e.level === 1 ? hu(3) : 0, after: hu(1.5) }, this.runs([e.text], e.level === 1 ? SIZES.h2 : SIZES.body, 1, e.level === 1));
    });
    return title + entries.join('');
  }

  private cellContent(blocks: readonly CellBlock[], dense: boolean, align: Align | undefined, header: boolean): string {
    const inner = blocks.map((b) => (b.kind === 'paragraph' ? this.paragraph(b, true, dense, align ?? (header ? 'center' : undefined), header) : this.bullets(b, true, dense))).join('');
    return inner || this.p(CELL_PARA, `<hp:run charPrIDRef="${this.char(SIZES.cell, false, 1)}"/>`, true);
  }

  table(table: TableBlock): string {
    const width = hu(TEXT_WIDTH_MM);
    const sum = table.columns.reduce((a, b) => a + b, 0) || 1;
    const widths = table.columns.map((c) => Math.floor((c / sum) * width));
    widths[widths.length - 1] += width - widths.reduce((a, b) => a + b, 0);
    const rowHeight = hu(table.dense ? 6 : 7);
    const heads = headerRowCount(table);
    const warn = table.variant === 'findings';
    const margin = table.dense ? hu(1) : hu(1.5);
    const rows = placeCells(table).map((placed) => {
      const cells = placed.map((pc) => {
        const bf = pc.cell.marked ? BF.mark : pc.cell.header ? (warn ? BF.warnHeader : BF.header) : warn ? BF.warnCell : BF.cell;
        const w = widths.slice(pc.column, pc.column + pc.colspan).reduce((a, b) => a + b, 0);
        const h = rowHeight * pc.rowspan;
        return (
          `<hp:tc name="" header="${pc.row < heads ? 1 : 0}" hasMargin="1" protect="0" editable="0" dirty="0" borderFillIDRef="${bf}">` +
          '<hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="CENTER" linkListIDRef="0" linkListNextIDRef="0" textWidth="0" textHeight="0" hasTextRef="0" hasNumRef="0">' +
          this.cellContent(pc.cell.blocks, Boolean(table.dense), pc.cell.align, Boolean(pc.cell.header)) +
          '</hp:subList>' +
          `<hp:cellAddr colAddr="${pc.column}" rowAddr="${pc.row}"/><hp:cellSpan colSpan="${pc.colspan}" rowSpan="${pc.rowspan}"/>` +
          `<hp:cellSz width="${w}" height="${h}"/><hp:cellMargin left="${margin}" right="${margin}" top="${hu(0.8)}" bottom="${hu(0.8)}"/></hp:tc>`
        );
      });
      return `<hp:tr>${cells.join('')}</hp:tr>`;
    });
    const id = this.objectId++;
    const tbl =
      `<hp:tbl id="${id}" zOrder="${id - 1000}" numberingType="TABLE" textWrap="TOP_AND_BOTTOM" textFlow="BOTH_SIDES" lock="0" dropcapstyle="None" pageBreak="TABLE" repeatHeader="${heads > 0 ? 1 : 0}" rowCnt="${table.rows.length}" colCnt="${table.columns.length}" cellSpacing="0" borderFillIDRef="${warn ? BF.warnCell : BF.cell}" noAdjust="0">` +
      `<hp:sz width="${width}" widthRelTo="ABSOLUTE" height="${rowHeight * table.rows.length}" heightRelTo="ABSOLUTE" protect="0"/>` +
      '<hp:pos treatAsChar="0" affectLSpacing="0" flowWithText="1" allowOverlap="0" holdAnchorAndSO="0" vertRelTo="PARA" horzRelTo="COLUMN" vertAlign="TOP" horzAlign="LEFT" vertOffset="0" horzOffset="0"/>' +
      `<hp:outMargin left="0" right="0" top="0" bottom="${hu(2)}"/><hp:inMargin left="${margin}" right="${margin}" top="${hu(0.8)}" bottom="${hu(0.8)}"/>` +
      rows.join('') +
      '</hp:tbl>';
    for (const row of table.rows) this.preview.push(row.cells.map((c) => c.blocks.map((b) => (b.kind === 'paragraph' ? b.runs.map(runText).join('') : b.items.map((i) => i.text).join(' '))).join(' ')).join(' | '));
    return this.p({ ...BODY_PARA, align: 'LEFT', after: 0 }, `<hp:run charPrIDRef="0">${tbl}<hp:t/></hp:run>`);
  }
}

const SEC_PR =
  '<hp:secPr id="" textDirection="HORIZONTAL" spaceColumns="1134" tabStop="8000" tabStopVal="4000" tabStopUnit="HWPUNIT" outlineShapeIDRef="0" memoShapeIDRef="0" textVerticalWidthHead="0" masterPageCnt="0">' +
  '<hp:grid lineGrid="0" charGrid="0" wonggojiFormat="0"/><hp:startNum pageStartsOn="BOTH" page="0" pic="0" tbl="0" equation="0"/>' +
  '<hp:visibility hideFirstHeader="0" hideFirstFooter="0" hideFirstMasterPage="0" border="SHOW_ALL" fill="SHOW_ALL" hideFirstPageNum="0" hideFirstEmptyLine="0" showLineNumber="0"/>' +
  '<hp:lineNumberShape restartType="0" countBy="0" distance="0" startNumber="0"/>' +
  `<hp:pagePr landscape="WIDELY" width="59528" height="84188" gutterType="LEFT_ONLY">` +
  `<hp:margin header="${hu(5)}" footer="${hu(PAGE.marginBottomMm - PAGE.footerMm)}" gutter="0" left="${hu(PAGE.marginLeftMm)}" right="${hu(PAGE.marginRightMm)}" top="${hu(PAGE.marginTopMm - 5)}" bottom="${hu(PAGE.footerMm)}"/></hp:pagePr>` +
  '<hp:footNotePr><hp:autoNumFormat type="DIGIT" userChar="" prefixChar="" suffixChar=")" supscript="0"/><hp:noteLine length="-1" type="SOLID" width="0.12 mm" color="#000000"/><hp:noteSpacing betweenNotes="283" belowLine="567" aboveLine="850"/><hp:numbering type="CONTINUOUS" newNum="1"/><hp:placement place="EACH_COLUMN" beneathText="0"/></hp:footNotePr>' +
  '<hp:endNotePr><hp:autoNumFormat type="DIGIT" userChar="" prefixChar="" suffixChar=")" supscript="0"/><hp:noteLine length="14692344" type="SOLID" width="0.12 mm" color="#000000"/><hp:noteSpacing betweenNotes="0" belowLine="567" aboveLine="850"/><hp:numbering type="CONTINUOUS" newNum="1"/><hp:placement place="END_OF_DOCUMENT" beneathText="0"/></hp:endNotePr>' +
  ['BOTH', 'EVEN', 'ODD']
    .map((t) => `<hp:pageBorderFill type="${t}" borderFillIDRef="${BF.none}" textBorder="PAPER" headerInside="0" footerInside="0" fillArea="PAPER"><hp:offset left="1417" right="1417" top="1417" bottom="1417"/></hp:pageBorderFill>`)
    .join('') +
  '</hp:secPr>';

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
    borderFill(BF.warnCell, { all: COLORS.warning }),
    borderFill(BF.warnHeader, { all: COLORS.warning }, COLORS.warningFill),
    borderFill(BF.chapterRule, { bottomOnly: COLORS.chapterRule, width: '0.5 mm' }),
  ];
  const chars = w.chars.items.map((k, i) => charPr(i, k));
  const paras = w.paras.items.map((k, i) => paraPr(i, k));
  return (
    `${XML}<hh:head ${NS} version="1.4" secCnt="1"><hh:beginNum page="1" footnote="1" endnote="1" pic="1" tbl="1" equation="1"/><hh:refList>` +
    fontfaces +
    `<hh:borderFills itemCnt="${borderFills.length}">${borderFills.join('')}</hh:borderFills>` +
    `<hh:charProperties itemCnt="${chars.length}">${chars.join('')}</hh:charProperties>` +
    '<hh:tabProperties itemCnt="1"><hh:tabPr id="0" autoTabLeft="0" autoTabRight="0"/></hh:tabProperties>' +
    `<hh:paraProperties itemCnt="${paras.length}">${paras.join('')}</hh:paraProperties>` +
    '<hh:styles itemCnt="1"><hh:style id="0" type="PARA" name="바탕글" engName="Normal" paraPrIDRef="0" charPrIDRef="0" nextStyleIDRef="0" langID="1042" lockForm="0"/></hh:styles>' +
    '</hh:refList><hh:compatibleDocument targetProgram="HWP201X"><hh:layoutCompatibility/></hh:compatibleDocument>' +
    '<hh:docOption><hh:linkinfo path="" pageInherit="0" footnoteInherit="0"/></hh:docOption><hh:trackchageConfig flags="56"/></hh:head>'
  );
}

function contentHpf(doc: PlanDocument): string {
  const meta = (name: string, value = '') => `<opf:meta name="${name}" content="text">${escapeXml(value)}</opf:meta>`;
  return (
    `${XML}<opf:package ${NS} version="" unique-identifier="" id=""><opf:metadata><opf:title>${escapeXml(doc.meta.title)}</opf:title><opf:language>ko</opf:language>` +
    meta('creator', doc.meta.author ?? 'gpuplan') +
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

const VERSION_XML = `${XML}<hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" tagetApplication="WORDPROCESSOR" major="5" minor="1" micro="0" buildNumber="1" os="1" xmlVersion="1.4" application="Hancom Office Hangul" appVersion="11, 0, 0, 0 WIN32LEWindows_10"/>`;
const SETTINGS_XML = `${XML}<ha:HWPApplicationSetting xmlns:ha="http://www.hancom.co.kr/hwpml/2011/app" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"><ha:CaretPosition listIDRef="0" paraIDRef="0" pos="0"/></ha:HWPApplicationSetting>`;
const CONTAINER_XML = `${XML}<ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:hpf="http://www.hancom.co.kr/schema/2011/hpf"><ocf:rootfiles><ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/><ocf:rootfile full-path="Preview/PrvText.txt" media-type="text/plain"/></ocf:rootfiles></ocf:container>`;
const MANIFEST_XML = `${XML}<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>`;

/** The section and header XML of a document (for tests and inspection). */
export function hwpxParts(doc: PlanDocument): { header: string; section: string; preview: string } {
  const w = new SectionWriter();
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
        w.out.push(w.toc(block));
        break;
    }
  }
  const section = `${XML}<hs:sec ${NS}>${w.out.join('')}</hs:sec>`;
  return { header: headerXml(w), section, preview: w.preview.join('\r\n').slice(0, 1024) };
}

/** The document as a .hwpx file. */
export async function renderHwpx(doc: PlanDocument): Promise<Uint8Array> {
  const { header, section, preview } = hwpxParts(doc);
  const zip = new JSZip();
  // Fixed dates and no folder entries, as Hangul writes its packages; the output is reproducible.
  const options = { date: new Date(Date.UTC(2025, 11, 1)), createFolders: false } as const;
  // The mimetype comes first and is stored, so readers recognise the package by its first bytes.
  zip.file('mimetype', HWPX_MIMETYPE, { ...options, compression: 'STORE' });
  zip.file('version.xml', VERSION_XML, options);
  zip.file('META-INF/container.xml', CONTAINER_XML, options);
  zip.file('META-INF/manifest.xml', MANIFEST_XML, options);
  zip.file('Contents/content.hpf', contentHpf(doc), options);
  zip.file('Contents/header.xml', header, options);
  zip.file('Contents/section0.xml', section, options);
  zip.file('settings.xml', SETTINGS_XML, options);
  zip.file('Preview/PrvText.txt', preview, options);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
