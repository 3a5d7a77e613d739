/**
 * LibreOffice's Korean typesetting, made to match the form's: LibreOffice puts a gap (a quarter em)
 * between Korean and Latin text or digits ("3,200,000 원") unless a paragraph turns its "Asian
 * typography: spacing between Asian and non-Asian text" off, and its DOCX import ignores the DOCX's
 * `w:autoSpaceDE`/`w:autoSpaceDN`. So the LibreOffice route converts the DOCX to ODT first, turns
 * that spacing off here (`style:text-autospace="none"` on every paragraph style), and prints the ODT.
 */
import JSZip from 'jszip';

const AUTOSPACE = /style:text-autospace="[^"]*"/g;

/** Every paragraph property set of an ODF XML part with `text-autospace` off. */
export function autospaceOff(xml: string): string {
  return xml
    .replace(AUTOSPACE, 'style:text-autospace="none"')
    .replace(/<style:paragraph-properties\b(?![^>]*style:text-autospace=)/g, '<style:paragraph-properties style:text-autospace="none"');
}

/** The ODT with automatic spacing between Korean and Latin text off in its styles and its content. */
export async function odtWithoutAutospace(odt: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(odt);
  for (const part of ['styles.xml', 'content.xml']) {
    const xml = await zip.file(part)?.async('string');
    if (xml !== undefined) zip.file(part, autospaceOff(xml));
  }
  // The mimetype stays the first entry, stored, as ODF requires.
  const mimetype = (await zip.file('mimetype')?.async('string')) ?? 'application/vnd.oasis.opendocument.text';
  zip.file('mimetype', mimetype, { compression: 'STORE' });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', mimeType: mimetype });
}
