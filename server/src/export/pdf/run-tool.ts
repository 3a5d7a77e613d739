/**
 * Running a PDF tool: each run in a throw-away folder (with its own profile, and HOME set to it),
 * with a timeout, networking, updates and sync off; what it wrote is checked to be a PDF.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Per run of the tool, unless the options say otherwise. */
export const DEFAULT_TIMEOUT_MS = 120_000;

export class PdfToolFailedError extends Error {
  constructor(
    readonly tool: string,
    detail: string,
  ) {
    super(`${path.basename(tool)} could not make the PDF: ${detail}`);
    this.name = 'PdfToolFailedError';
  }
}

/** Runs `work` in a new temporary folder, removed afterwards whatever happens. */
export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-pdf-'));
  try {
    return await work(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function run(tool: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(tool, args, { cwd, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, windowsHide: true, env: { ...process.env, HOME: cwd } }, (error, _stdout, stderr) => {
      if (error) reject(new PdfToolFailedError(tool, (stderr || error.message).trim().split('\n').slice(-3).join(' ')));
      else resolve();
    });
  });
}

/** The HTML export printed by headless Chromium. */
export async function chromiumPdf(tool: string, html: string, dir: string, timeoutMs: number, name: string): Promise<Uint8Array> {
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

/** The DOCX export converted by headless LibreOffice. */
export async function libreofficePdf(tool: string, docx: Uint8Array, dir: string, timeoutMs: number, name: string): Promise<Uint8Array> {
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
