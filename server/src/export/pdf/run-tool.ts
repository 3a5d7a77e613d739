/**
 * Running a PDF tool: each run in a throw-away folder (with its own profile, and HOME set to it),
 * with a timeout, networking, updates and sync off; what it wrote is checked to be a PDF.
 *
 * Nothing outlives the export: each tool runs in its own process group (POSIX) or process tree
 * (Windows), and on a timeout, on an abort (the CLI's Ctrl-C or SIGTERM, VS Code's Cancel) and
 * when this process exits, the whole group is ended — Chromium's renderer and zygote processes,
 * LibreOffice's soffice.bin — before its temporary folder is removed. A folder left behind by a
 * process that could not clean up (SIGKILL, power loss) is removed by the next PDF export.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { odtWithoutAutospace } from './odt';

/** Per run of the tool, unless the options say otherwise. */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** After SIGTERM, how long a tool may take to quit before it gets SIGKILL. */
const GRACE_MS = 3_000;

export class PdfToolFailedError extends Error {
  constructor(
    readonly tool: string,
    detail: string,
  ) {
    super(`${path.basename(tool)} could not make the PDF: ${detail}`);
    this.name = 'PdfToolFailedError';
  }
}

/** Tools running now and temporary folders in use: what an exit of this process must end and remove. */
const running = new Set<ChildProcess>();
const folders = new Set<string>();
let exitHooked = false;

function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  process.once('exit', () => {
    for (const child of running) endTree(child, 'SIGKILL');
    for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
  });
}

/** Ends a tool with every process it started: its process group on POSIX, its tree on Windows. */
function endTree(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { windowsHide: true, stdio: 'ignore' });
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

/** The processes of this project's PDF tools now running (tests, diagnostics). */
export const runningToolCount = (): number => running.size;

const TEMP_PREFIX = 'gpuplan-pdf-';

/** Whether a process of this id is alive (one of another user counts as alive). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the temporary folders of exports whose process died without cleaning up (`gpuplan-pdf-<pid>-…`). */
export function removeStaleTempDirs(root = os.tmpdir()): void {
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const pid = Number(new RegExp(`^${TEMP_PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!pid || pid === process.pid || alive(pid)) continue;
    const dir = path.join(root, name);
    try {
      const stat = fs.lstatSync(dir);
      if (!stat.isDirectory() || (uid !== undefined && stat.uid !== uid)) continue;
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // someone else's, or gone
    }
  }
}

/** Runs `work` in a new temporary folder, removed afterwards whatever happens (its tools have ended by then). */
export async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  removeStaleTempDirs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${TEMP_PREFIX}${process.pid}-`));
  folders.add(dir);
  hookExit();
  try {
    return await work(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    folders.delete(dir);
  }
}

/** Why a run was stopped by its signal. */
const abortReason = (signal: AbortSignal): Error => (signal.reason instanceof Error ? signal.reason : new Error('The export was cancelled.'));

/** Runs the tool and settles when it and every process it started are gone. */
function run(tool: string, args: readonly string[], cwd: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    let child: ChildProcess;
    try {
      // The tool's own temporary files (LibreOffice's lu*.tmp, Chromium's) go into our folder too, and go with it.
      const temp = path.join(cwd, 'tmp');
      fs.mkdirSync(temp, { recursive: true });
      const env = { ...process.env, HOME: cwd, TMPDIR: temp, TMP: temp, TEMP: temp };
      child = spawn(tool, args, { cwd, detached: process.platform !== 'win32', windowsHide: true, stdio: ['ignore', 'ignore', 'pipe'], env });
    } catch (error) {
      reject(new PdfToolFailedError(tool, error instanceof Error ? error.message : String(error)));
      return;
    }
    running.add(child);
    hookExit();
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-16_384);
    });
    let stopped: Error | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    const stop = (why: Error) => {
      if (stopped) return;
      stopped = why;
      endTree(child, 'SIGTERM');
      killTimer = setTimeout(() => {
        endTree(child, 'SIGKILL');
      }, GRACE_MS);
    };
    const timer = setTimeout(() => {
      stop(new PdfToolFailedError(tool, `it did not finish within ${Math.round(timeoutMs / 1000)} s.`));
    }, timeoutMs);
    const onAbort = () => {
      stop(abortReason(signal as AbortSignal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      signal?.removeEventListener('abort', onAbort);
      running.delete(child);
      if (error) reject(error);
      else resolve();
    };
    // The tool itself has ended: whatever it left running in its group goes too.
    child.on('exit', () => {
      endTree(child, 'SIGKILL');
    });
    child.on('error', (error) => {
      if (child.pid === undefined) settle(new PdfToolFailedError(tool, error.message));
    });
    child.on('close', (code, signalName) => {
      if (stopped) settle(stopped);
      else if (code === 0) settle();
      else settle(new PdfToolFailedError(tool, (stderr.trim() || `it exited with ${code ?? signalName ?? 'an error'}.`).split('\n').slice(-3).join(' ')));
    });
  });
}

/** The HTML export printed by headless Chromium. */
export async function chromiumPdf(tool: string, html: string, dir: string, timeoutMs: number, name: string, signal?: AbortSignal): Promise<Uint8Array> {
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
    signal,
  );
  return readOutput(tool, output);
}

/**
 * The DOCX export printed by headless LibreOffice: converted to ODT, its Korean–Latin spacing turned
 * off (`odt.ts`), and the ODT converted to PDF.
 */
export async function libreofficePdf(tool: string, docx: Uint8Array, dir: string, timeoutMs: number, name: string, signal?: AbortSignal): Promise<Uint8Array> {
  const input = path.join(dir, `${name}.docx`);
  fs.writeFileSync(input, docx);
  const profile = pathToFileURL(path.join(dir, 'libreoffice-profile')).href;
  const convert = (file: string, to: string) =>
    run(
      tool,
      ['--headless', '--norestore', '--nolockcheck', '--nodefault', `-env:UserInstallation=${profile}`, '--convert-to', to, '--outdir', dir, file],
      dir,
      timeoutMs,
      signal,
    );
  await convert(input, 'odt');
  let odt: Uint8Array;
  try {
    odt = fs.readFileSync(path.join(dir, `${name}.odt`));
  } catch {
    throw new PdfToolFailedError(tool, 'it wrote no ODT.');
  }
  const printed = path.join(dir, `${name}-print.odt`);
  fs.writeFileSync(printed, await odtWithoutAutospace(odt));
  await convert(printed, 'pdf');
  return readOutput(tool, path.join(dir, `${name}-print.pdf`));
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
