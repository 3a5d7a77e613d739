/**
 * LibreOffice's Korean typesetting, made to match the form's: LibreOffice puts a gap (a quarter em)
 * between Korean and Latin text or digits ("3,200,000 원") unless a paragraph turns its "Asian
 * typography: spacing between Asian and non-Asian text" off, and its DOCX import ignores the DOCX's
 * `w:autoSpaceDE`/`w:autoSpaceDN`. So the LibreOffice route converts the DOCX to ODT first, turns
 * that spacing off here (`style:text-autospace="none"` on every paragraph style), and prints the ODT.
 *
 * It also keeps Korean words whole ("진흥원)", "6개월", "GPU시간", "3,200,000원"), as Chromium's
 * `word-break: keep-all` does, breaking only at spaces: LibreOffice breaks Korean text (text whose
 * Asian language is Korean, Japanese or Chinese) at any character where the line is full, even
 * inside a word or right after a digit, and ignores a word joiner (U+2060) there. Its Unicode line
 * breaking (used for text of any other language) honours word joiners. So every style's Asian
 * language becomes "none" (`zxx`, {@link noAsianLanguage}) and each word with East Asian characters
 * gets word joiners between them ({@link keepWords}); a word wider than its line is still broken
 * where the line is full. Only the ODT that LibreOffice prints carries them, never the DOCX. (A
 * nested span with `zxx` would do for a few words, but LibreOffice's import lets the inner span's
 * style replace the outer one's: the word lost its size and weight.)
 */
import JSZip from 'jszip';

const AUTOSPACE = /style:text-autospace="[^"]*"/g;

/** Every paragraph property set of an ODF XML part with `text-autospace` off. */
export function autospaceOff(xml: string): string {
  return xml
    .replace(AUTOSPACE, 'style:text-autospace="none"')
    .replace(/<style:paragraph-properties\b(?![^>]*style:text-autospace=)/g, '<style:paragraph-properties style:text-autospace="none"');
}

const WORD_JOINER = '\u2060';

/** East Asian script, as in layout.ts's runs (Hangul, hanja, kana, CJK punctuation, full-width forms). */
const EAST_ASIAN =
  /^[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3200-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]$/;
/** A character of XML text: an entity or reference, or one code point. */
const XML_CHAR = /&[^;]*;|[\s\S]/gu;
/** Tags that continue a word across them (the spans of a paragraph); every other tag ends it. */
const SPAN_TAG = /^<\/?text:span\b/;
/** The body of a table of contents (the 목차), whose lines never wrap. */
const INDEX_TAG = /^<\/?text:index-body\b/;

/** An ODF XML part with no Asian language in any style: LibreOffice's Unicode line breaking for all text. */
export function noAsianLanguage(xml: string): string {
  return xml.replace(/style:language-asian="[^"]*"/g, 'style:language-asian="zxx"').replace(/style:country-asian="[^"]*"/g, 'style:country-asian="none"');
}

/**
 * content.xml with every word (characters between spaces and paragraph-level tags, across spans)
 * that has East Asian characters kept whole: a word joiner before each of its East Asian
 * characters but the first of the word, and after the last of a run of them inside the word
 * ("진⁠흥⁠원⁠)", "6⁠개⁠월"), except after a slash and before an opening parenthesis, where Korean
 * may break. The text is otherwise unchanged.
 */
export function keepWords(xml: string): string {
  // Tags stay as they are; text is cut into characters, each of which may be rewritten.
  const parts: string[][] = (xml.match(/<[^>]*>|[^<]+/g) ?? []).map((p) => (p.startsWith('<') ? [p] : (p.match(XML_CHAR) ?? [])));
  let word: Array<{ readonly part: number; readonly index: number; readonly text: string }> = [];
  const eastAsian = (i: number) => EAST_ASIAN.test(word[i]?.text ?? '');
  const flush = () => {
    word.forEach((u, i) => {
      if (!eastAsian(i)) return;
      // Korean typesetting (and Chromium's keep-all, and the writers' labels) may break a word before
      // an opening parenthesis and after a slash: "토큰 / (9,800", "오픈소스/ / 모델".
      const before = i > 0 && word[i - 1].text !== '/' ? WORD_JOINER : '';
      const after = i < word.length - 1 && !eastAsian(i + 1) && word[i + 1].text !== '(' ? WORD_JOINER : '';
      parts[u.part][u.index] = `${before}${u.text}${after}`;
    });
    word = [];
  };
  let inIndex = false;
  parts.forEach((units, part) => {
    if (units.length === 1 && units[0].startsWith('<')) {
      if (!SPAN_TAG.test(units[0])) flush();
      if (INDEX_TAG.test(units[0])) inIndex = !units[0].startsWith('</');
      return;
    }
    // The 목차's lines are left as they are: LibreOffice drops the page numbers of entries with word joiners.
    if (inIndex) return;
    units.forEach((text, index) => {
      if (/^\s$/.test(text)) flush();
      else word.push({ part, index, text });
    });
  });
  flush();
  return parts.map((units) => units.join('')).join('');
}

/** The ODT with automatic spacing between Korean and Latin text off, and Korean words kept whole, in its styles and its content. */
export async function odtWithoutAutospace(odt: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(odt);
  for (const part of ['styles.xml', 'content.xml']) {
    const xml = await zip.file(part)?.async('string');
    if (xml !== undefined) zip.file(part, noAsianLanguage(part === 'content.xml' ? keepWords(autospaceOff(xml)) : autospaceOff(xml)));
  }
  // The mimetype stays the first entry, stored, as ODF requires.
  const mimetype = (await zip.file('mimetype')?.async('string')) ?? 'application/vnd.oasis.opendocument.text';
  zip.file('mimetype', mimetype, { compression: 'STORE' });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', mimeType: mimetype });
}
