/**
 * Reading back on which page each heading landed, for the 목차's page numbers: every tool prints
 * twice, and the first PDF tells the pages the second one writes into the 목차. Chromium writes a
 * named destination per heading id; LibreOffice writes the headings as bookmarks (outline) and the
 * DOCX's table of contents as links. Nothing here trusts the PDF: what cannot be read gives no
 * page numbers, never an error.
 */
import { inflateSync } from 'node:zlib';
import type { PlanDocument, TocBlock } from '../../core/render';

interface PdfObjects {
  readonly get: (id: number) => string | undefined;
  readonly values: () => IterableIterator<string>;
}

/** The objects of a PDF as text (latin1), including those in object streams. */
function pdfObjects(bytes: Uint8Array): PdfObjects {
  const text = Buffer.from(bytes).toString('latin1');
  const objects = new Map<number, string>();
  const re = /(?:^|[\r\n\s])(\d+)\s+0\s+obj\b/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text))) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    objects.set(Number(match[1]), text.slice(start, end));
    re.lastIndex = end;
  }
  // Object streams (PDF 1.5) hold further objects, compressed.
  for (const body of [...objects.values()]) {
    if (!/\/Type\s*\/ObjStm/.test(body)) continue;
    const n = Number(/\/N\s+(\d+)/.exec(body)?.[1]);
    const first = Number(/\/First\s+(\d+)/.exec(body)?.[1]);
    const streamStart = body.indexOf('stream');
    const streamEnd = body.lastIndexOf('endstream');
    if (!n || Number.isNaN(first) || streamStart < 0 || streamEnd < 0) continue;
    try {
      const raw = body.slice(streamStart + 6, streamEnd).replace(/^\r?\n/, '');
      const data = /\/FlateDecode/.test(body) ? inflateSync(Buffer.from(raw, 'latin1')).toString('latin1') : raw;
      const header = data.slice(0, first).trim().split(/\s+/).map(Number);
      for (let i = 0; i < n; i++) {
        const id = header[2 * i];
        const offset = header[2 * i + 1];
        const next = i + 1 < n ? header[2 * i + 3] : data.length - first;
        if (!objects.has(id)) objects.set(id, data.slice(first + offset, first + next));
      }
    } catch {
      // an object stream we cannot read: its objects stay unknown
    }
  }
  return { get: (id) => objects.get(id), values: () => objects.values() };
}

/** The catalog's object id: from the last trailer (or cross-reference stream) that names it. */
function rootId(text: string): number {
  const all = [...text.matchAll(/\/Root\s+(\d+)\s+0\s+R/g)];
  return all.length > 0 ? Number(all[all.length - 1][1]) : NaN;
}

/** Page object ids in page order, from the catalog's page tree. */
function pageOrder(objects: PdfObjects, bytes: Uint8Array): number[] {
  const text = Buffer.from(bytes).toString('latin1');
  const root = rootId(text);
  const catalog = objects.get(root) ?? '';
  const pages = Number(/\/Pages\s+(\d+)\s+0\s+R/.exec(catalog)?.[1]);
  const order: number[] = [];
  const visit = (id: number, depth: number) => {
    const body = objects.get(id);
    if (!body || depth > 32) return;
    if (/\/Type\s*\/Pages\b/.test(body)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body);
      for (const kid of kids?.[1].matchAll(/(\d+)\s+0\s+R/g) ?? []) visit(Number(kid[1]), depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(body)) order.push(id);
  };
  if (pages) visit(pages, 0);
  return order;
}

/** Decodes a PDF string: `(literal)` or `<hex>`, UTF-16BE with a BOM or PDFDocEncoding (latin1 here). */
function pdfString(raw: string): string {
  let bytes: number[];
  if (raw.startsWith('<')) {
    const hex = raw.slice(1, -1).replace(/\s+/g, '');
    bytes = [];
    for (let i = 0; i < hex.length; i += 2) bytes.push(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
  } else {
    const body = raw.slice(1, -1);
    bytes = [];
    for (let i = 0; i < body.length; i++) {
      const c = body[i];
      if (c !== '\\') {
        bytes.push(body.charCodeAt(i) & 0xff);
        continue;
      }
      const next = body[++i];
      const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
      if (next in escapes) bytes.push(escapes[next]);
      else if (/[0-7]/.test(next)) {
        let octal = next;
        while (octal.length < 3 && /[0-7]/.test(body[i + 1] ?? '')) octal += body[++i];
        bytes.push(parseInt(octal, 8) & 0xff);
      }
    }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
    return out;
  }
  return String.fromCharCode(...bytes);
}

/** Named destinations (Chromium writes one per link target: our heading ids) → 1-based page. */
export function pdfNamedDestinationPages(bytes: Uint8Array): Map<string, number> {
  const result = new Map<string, number>();
  try {
    const objects = pdfObjects(bytes);
    const order = pageOrder(objects, bytes);
    const root = rootId(Buffer.from(bytes).toString('latin1'));
    const catalog = objects.get(root) ?? '';
    const destsRef = /\/Dests\s+(\d+)\s+0\s+R/.exec(catalog);
    const dests = destsRef ? (objects.get(Number(destsRef[1])) ?? '') : (/\/Dests\s*(<<[\s\S]*?>>)/.exec(catalog)?.[1] ?? '');
    for (const m of dests.matchAll(/\/([^\s/[\]<>()]+)\s*\[\s*(\d+)\s+0\s+R/g)) {
      const name = m[1].replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      const page = order.indexOf(Number(m[2]));
      if (page >= 0) result.set(name, page + 1);
    }
  } catch {
    // unreadable: no page numbers
  }
  return result;
}

/** Outline (bookmarks) titles → 1-based page, in outline order (LibreOffice writes the headings). */
export function pdfOutlinePages(bytes: Uint8Array): Array<{ title: string; page: number }> {
  const result: Array<{ title: string; page: number }> = [];
  try {
    const objects = pdfObjects(bytes);
    const order = pageOrder(objects, bytes);
    const root = rootId(Buffer.from(bytes).toString('latin1'));
    const outlines = Number(/\/Outlines\s+(\d+)\s+0\s+R/.exec(objects.get(root) ?? '')?.[1]);
    const seen = new Set<number>();
    const visit = (id: number, depth: number) => {
      for (let current: number | undefined = id; current && !seen.has(current) && depth < 16;) {
        seen.add(current);
        const body = objects.get(current) ?? '';
        const title = /\/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/.exec(body);
        const dest = /\/Dest\s*\[\s*(\d+)\s+0\s+R/.exec(body) ?? /\/D\s*\[\s*(\d+)\s+0\s+R/.exec(body);
        if (title && dest) {
          const page = order.indexOf(Number(dest[1]));
          if (page >= 0) result.push({ title: pdfString(title[1]), page: page + 1 });
        }
        const first = /\/First\s+(\d+)\s+0\s+R/.exec(body);
        if (first) visit(Number(first[1]), depth + 1);
        const next = /\/Next\s+(\d+)\s+0\s+R/.exec(body);
        current = next ? Number(next[1]) : undefined;
      }
    };
    const top = objects.get(outlines) ?? '';
    const first = /\/First\s+(\d+)\s+0\s+R/.exec(top);
    if (first) visit(Number(first[1]), 0);
  } catch {
    // unreadable: no page numbers
  }
  return result;
}

/**
 * Link annotations with their text and target page: LibreOffice writes one per entry of the
 * DOCX's table of contents (a hyperlink to the heading), with the entry's text as `/Contents`.
 */
function pdfLinkPages(bytes: Uint8Array): Array<{ title: string; page: number }> {
  const result: Array<{ title: string; page: number }> = [];
  try {
    const objects = pdfObjects(bytes);
    const order = pageOrder(objects, bytes);
    for (const body of objects.values()) {
      if (!/\/Subtype\s*\/Link\b/.test(body)) continue;
      const title = /\/Contents\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/.exec(body);
      const dest = /\/Dest\s*\[\s*(\d+)\s+0\s+R/.exec(body) ?? /\/D\s*\[\s*(\d+)\s+0\s+R/.exec(body);
      if (!title || !dest) continue;
      const page = order.indexOf(Number(dest[1]));
      if (page >= 0) result.push({ title: pdfString(title[1]), page: page + 1 });
    }
  } catch {
    // unreadable: no page numbers
  }
  return result;
}

const normalize = (s: string): string => s.replace(/[\s\u00a0]+/g, '');

/** Page numbers of the 목차 entries, by heading id, from titled destinations (outline or links), in order. */
function matchTitles(toc: TocBlock, titled: ReadonlyArray<{ title: string; page: number }>, headingText: ReadonlyMap<string, string>): Map<string, number> {
  const pages = new Map<string, number>();
  const used = new Set<number>();
  let last = 0;
  for (const entry of toc.entries) {
    const wanted = normalize(headingText.get(entry.id) ?? entry.text);
    let best = -1;
    titled.forEach((t, i) => {
      if (!used.has(i) && t.page >= last && normalize(t.title) === wanted && (best < 0 || t.page < titled[best].page)) best = i;
    });
    if (best < 0) continue;
    used.add(best);
    last = titled[best].page;
    pages.set(entry.id, last);
  }
  return pages;
}

/** The 목차's pages from Chromium's first print, when it has any. */
export function chromiumTocPages(first: Uint8Array): Map<string, number> | undefined {
  const pages = pdfNamedDestinationPages(first);
  return pages.size > 0 ? pages : undefined;
}

/** The 목차's pages from LibreOffice's first print: from its outline, else its links; only when every entry has one. */
export function libreofficeTocPages(first: Uint8Array, toc: TocBlock, doc: PlanDocument): Map<string, number> | undefined {
  const headingText = new Map<string, string>();
  for (const b of doc.blocks) if (b.kind === 'heading') headingText.set(b.id, b.text);
  let pages = matchTitles(toc, pdfOutlinePages(first), headingText);
  if (pages.size < toc.entries.length) pages = matchTitles(toc, pdfLinkPages(first), headingText);
  if (pages.size < toc.entries.length) return undefined;
  return pages;
}

/**
 * Two passes: prints the document, reads the 목차's pages from that PDF and, when they could be
 * read, prints it again with them. A document without a 목차 is printed once.
 */
export async function printTwice(
  doc: PlanDocument,
  print: (pass: 'pass1' | 'pass2', tocPages?: ReadonlyMap<string, number>) => Promise<Uint8Array>,
  tocPages: (first: Uint8Array, toc: TocBlock) => ReadonlyMap<string, number> | undefined,
): Promise<Uint8Array> {
  const toc = doc.blocks.find((b): b is TocBlock => b.kind === 'toc');
  const first = await print('pass1');
  if (!toc) return first;
  const pages = tocPages(first, toc);
  return pages ? print('pass2', pages) : first;
}
