/**
 * LibreOffice's Korean typesetting, made to match the form's: LibreOffice puts a gap (a quarter em)
 * between Korean and Latin text or digits ("3,200,000 원") unless a paragraph turns its "Asian
 * typography: spacing between Asian and non-Asian text" off, and its DOCX import ignores the DOCX's
 * `w:autoSpaceDE`/`w:autoSpaceDN`. So the LibreOffice route converts the DOCX to ODT first, turns
 * that spacing off here (`style:text-autospace="none"` on every paragraph style), and prints the ODT.
 *
 * It also keeps words that mix scripts whole ("6개월", "GPU시간", "3,200,000원"), as Chromium's
 * `word-break: keep-all` does: LibreOffice breaks Korean text (text whose Asian language is Korean,
 * Japanese or Chinese) at any character where the line is full, even right after a digit or a Latin
 * letter, and ignores a word joiner (U+2060) there. Its Unicode line breaking (used for text of any
 * other language) honours word joiners. So the Hangul of each such word is given no Asian language
 * (`zxx`, a nested span) and word joiners between its characters: only the ODT that LibreOffice
 * prints carries them, never the DOCX.
 */
import JSZip from 'jszip';

const AUTOSPACE = /style:text-autospace="[^"]*"/g;

/** Every paragraph property set of an ODF XML part with `text-autospace` off. */
export function autospaceOff(xml: string): string {
  return xml
    .replace(AUTOSPACE, 'style:text-autospace="none"')
    .replace(/<style:paragraph-properties\b(?![^>]*style:text-autospace=)/g, '<style:paragraph-properties style:text-autospace="none"');
}

/** The text style that gives the Hangul of a mixed-script word Unicode line breaking. */
export const KEEP_STYLE = 'GpuplanKeepWord';
const KEEP_STYLE_XML = `<style:style style:name="${KEEP_STYLE}" style:family="text"><style:text-properties style:language-asian="zxx" style:country-asian="none"/></style:style>`;
const WORD_JOINER = '\u2060';

/** East Asian script, as in layout.ts's runs (Hangul, hanja, kana, CJK punctuation, full-width forms). */
const EAST_ASIAN =
  /^[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]$/;
const LATIN_OR_DIGIT = /^[0-9A-Za-z]$/;
/** A character of XML text: an entity or reference, or one code point. */
const XML_CHAR = /&[^;]*;|[\s\S]/gu;
/** Tags that continue a word across them (the spans of a paragraph); every other tag ends it. */
const SPAN_TAG = /^<\/?text:span\b/;

/**
 * content.xml with the words that join Latin letters or digits and East Asian characters (no space
 * between them) kept whole by LibreOffice: each run of East Asian characters of such a word wrapped
 * in a span of {@link KEEP_STYLE}, with word joiners between its characters and at its edges inside
 * the word. The text is otherwise unchanged.
 */
export function keepMixedWords(xml: string): string {
  // Tags stay as they are; text is cut into characters, each of which may be rewritten.
  const parts: string[][] = (xml.match(/<[^>]*>|[^<]+/g) ?? []).map((p) => (p.startsWith('<') ? [p] : (p.match(XML_CHAR) ?? [])));
  let word: Array<{ readonly part: number; readonly index: number; readonly text: string }> = [];
  const eastAsian = (i: number) => EAST_ASIAN.test(word[i]?.text ?? '');
  const latin = (i: number) => LATIN_OR_DIGIT.test(word[i]?.text ?? '');
  const flush = () => {
    const mixed = word.some((_, i) => (eastAsian(i) && latin(i + 1)) || (latin(i) && eastAsian(i + 1)));
    if (mixed) {
      word.forEach((u, i) => {
        if (!eastAsian(i)) return;
        const opens = i === 0 || word[i - 1].part !== u.part || !eastAsian(i - 1);
        const closes = i === word.length - 1 || word[i + 1].part !== u.part || !eastAsian(i + 1);
        const before = i > 0 ? WORD_JOINER : '';
        const after = closes && i < word.length - 1 ? WORD_JOINER : '';
        parts[u.part][u.index] = `${opens ? `<text:span text:style-name="${KEEP_STYLE}">` : ''}${before}${u.text}${after}${closes ? '</text:span>' : ''}`;
      });
    }
    word = [];
  };
  parts.forEach((units, part) => {
    if (units.length === 1 && units[0].startsWith('<')) {
      if (!SPAN_TAG.test(units[0])) flush();
      return;
    }
    units.forEach((text, index) => {
      if (/^\s$/.test(text)) flush();
      else word.push({ part, index, text });
    });
  });
  flush();
  return parts
    .map((units) => units.join(''))
    .join('')
    .replace(/<office:automatic-styles\/>|<office:automatic-styles>/, (m) =>
      m.endsWith('/>') ? `<office:automatic-styles>${KEEP_STYLE_XML}</office:automatic-styles>` : `${m}${KEEP_STYLE_XML}`,
    );
}

/** The ODT with automatic spacing between Korean and Latin text off in its styles and its content. */
export async function odtWithoutAutospace(odt: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(odt);
  for (const part of ['styles.xml', 'content.xml']) {
    const xml = await zip.file(part)?.async('string');
    if (xml !== undefined) zip.file(part, part === 'content.xml' ? keepMixedWords(autospaceOff(xml)) : autospaceOff(xml));
  }
  // The mimetype stays the first entry, stored, as ODF requires.
  const mimetype = (await zip.file('mimetype')?.async('string')) ?? 'application/vnd.oasis.opendocument.text';
  zip.file('mimetype', mimetype, { compression: 'STORE' });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', mimeType: mimetype });
}
