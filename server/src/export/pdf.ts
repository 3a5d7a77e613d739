/**
 * PDF, made by a tool found on this machine at run time — nothing is downloaded:
 *
 * - Chromium (`chromium`, `chromium-browser`, `google-chrome`, …) prints the HTML export, headless,
 *   with networking, updates and sync off and a throw-away profile;
 * - LibreOffice (`soffice`, `libreoffice`) converts the DOCX export.
 *
 * Both are run twice: the first PDF tells on which page each chapter and section starts, and the
 * second is made with those page numbers in the 목차. When neither tool exists, `PdfToolMissingError`
 * says how to get one.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import type { PlanDocument, TocBlock } from '../core/render';
import { renderDocx } from './docx';
import { renderHtml } from './html';

export type PdfEngine = 'chromium' | 'libreoffice';

export interface PdfTools {
  readonly chromium?: string;
  readonly libreoffice?: string;
}

export interface PdfOptions {
  /** Which tool to use; by default Chromium when found, else LibreOffice. */
  readonly engine?: PdfEngine | 'auto';
  /** Tools to use instead of searching the PATH (tests, settings). */
  readonly tools?: PdfTools;
  /** Per run of the tool. Default 120 s. */
  readonly timeoutMs?: number;
}

export class PdfToolMissingError extends Error {
  constructor(readonly engine: PdfEngine | 'auto') {
    super(
      engine === 'chromium'
        ? 'Chromium was not found (chromium, chromium-browser, google-chrome).'
        : engine === 'libreoffice'
          ? 'LibreOffice was not found (soffice, libreoffice).'
          : 'No PDF tool was found: install Chromium (chromium, chromium-browser or google-chrome) or LibreOffice (soffice or libreoffice), or export DOCX or HTML and print it to PDF yourself.',
    );
    this.name = 'PdfToolMissingError';
  }
}

export class PdfToolFailedError extends Error {
  constructor(
    readonly tool: string,
    detail: string,
  ) {
    super(`${path.basename(tool)} could not make the PDF: ${detail}`);
    this.name = 'PdfToolFailedError';
  }
}

const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const LIBREOFFICE_NAMES = ['soffice', 'libreoffice'];
const WINDOWS_EXTENSIONS = ['.exe', '.cmd', '.bat'];

/** The first executable of these names on the PATH. */
export function which(names: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  // Only absolute PATH entries: a relative one (".") would run a program from the current folder.
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter((dir) => dir && path.isAbsolute(dir));
  const extensions = process.platform === 'win32' ? ['', ...WINDOWS_EXTENSIONS] : [''];
  for (const name of names) {
    for (const dir of dirs) {
      for (const ext of extensions) {
        const candidate = path.join(dir, name + ext);
        try {
          const stat = fs.statSync(candidate);
          if (stat.isFile()) {
            fs.accessSync(candidate, fs.constants.X_OK);
            return candidate;
          }
        } catch {
          // not here
        }
      }
    }
  }
  return undefined;
}

/** Chromium and LibreOffice as found on the PATH. */
export function findPdfTools(env: NodeJS.ProcessEnv = process.env): PdfTools {
  const chromium = which(CHROMIUM_NAMES, env);
  const libreoffice = which(LIBREOFFICE_NAMES, env);
  return { ...(chromium ? { chromium } : {}), ...(libreoffice ? { libreoffice } : {}) };
}

function pickTool(options: PdfOptions): { engine: PdfEngine; tool: string } {
  const engine = options.engine ?? 'auto';
  const tools = options.tools ?? findPdfTools();
  if ((engine === 'auto' || engine === 'chromium') && tools.chromium) return { engine: 'chromium', tool: tools.chromium };
  if ((engine === 'auto' || engine === 'libreoffice') && tools.libreoffice) return { engine: 'libreoffice', tool: tools.libreoffice };
  throw new PdfToolMissingError(engine);
}

function run(tool: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { cwd, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, windowsHide: true, env: { ...process.env, HOME: cwd } }, (error, _stdout, stderr) => {
      if (error) reject(new PdfToolFailedError(tool, (stderr || error.message).trim().split('\n').slice(-3).join(' ')));
      else resolve();
    });
  });
}

async function chromiumPdf(tool: string, html: string, dir: string, timeoutMs: number, name: string): Promise<Uint8Array> {
  const input = path.join(dir, `${name}.html`);
  const output = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(input, html);
  await run(
    tool,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--disable-default-apps',
      '--no-first-run',
      '--no-default-browser-check',
      '--mute-audio',
      `--user-data-dir=${path.join(dir, 'chromium-profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${output}`,
      pathToFileURL(input).href,
    ],
    dir,
    timeoutMs,
  );
  return readOutput(tool, output);
}

async function libreofficePdf(tool: string, docx: Uint8Array, dir: string, timeoutMs: number, name: string): Promise<Uint8Array> {
  const input = path.join(dir, `${name}.docx`);
  fs.writeFileSync(input, docx);
  const profile = pathToFileURL(path.join(dir, 'libreoffice-profile')).href;
  await run(tool, ['--headless', '--norestore', '--nolockcheck', '--nodefault', `-env:UserInstallation=${profile}`, '--convert-to', 'pdf', '--outdir', dir, input], dir, timeoutMs);
  return readOutput(tool, path.join(dir, `${name}.pdf`));
}

function readOutput(tool: string, file: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new PdfToolFailedError(tool, 'it wrote no PDF.');
  }
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new PdfToolFailedError(tool, 'what it wrote is not a PDF.');
  return new Uint8Array(bytes);
}

// ---------------------------------------------------------------------------------------------
// Reading back where the headings landed

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
      for (let current: number | undefined = id; current && !seen.has(current) && depth < 16; ) {
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
export function pdfLinkPages(bytes: Uint8Array): Array<{ title: string; page: number }> {
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

/** The document as PDF, made by Chromium or LibreOffice. */
export async function renderPdf(doc: PlanDocument, options: PdfOptions = {}): Promise<{ bytes: Uint8Array; engine: PdfEngine; tool: string }> {
  const { engine, tool } = pickTool(options);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-pdf-'));
  try {
    const toc = doc.blocks.find((b): b is TocBlock => b.kind === 'toc');
    if (engine === 'chromium') {
      const first = await chromiumPdf(tool, renderHtml(doc), dir, timeoutMs, 'pass1');
      const pages = toc ? pdfNamedDestinationPages(first) : new Map<string, number>();
      if (!toc || pages.size === 0) return { bytes: first, engine, tool };
      return { bytes: await chromiumPdf(tool, renderHtml(doc, { tocPages: pages }), dir, timeoutMs, 'pass2'), engine, tool };
    }
    const first = await libreofficePdf(tool, await renderDocx(doc), dir, timeoutMs, 'pass1');
    if (!toc) return { bytes: first, engine, tool };
    const headingText = new Map<string, string>();
    for (const b of doc.blocks) if (b.kind === 'heading') headingText.set(b.id, b.text);
    let pages = matchTitles(toc, pdfOutlinePages(first), headingText);
    if (pages.size < toc.entries.length) pages = matchTitles(toc, pdfLinkPages(first), headingText);
    if (pages.size < toc.entries.length) return { bytes: first, engine, tool };
    return { bytes: await libreofficePdf(tool, await renderDocx(doc, { tocPages: pages }), dir, timeoutMs, 'pass2'), engine, tool };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
