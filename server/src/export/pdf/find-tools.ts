/**
 * Finding the PDF tools on this machine, on Windows, macOS and Linux alike:
 *
 * - a browser of the Chromium family — Google Chrome, Chromium or Microsoft Edge — and
 * - LibreOffice (`soffice`),
 *
 * first on the PATH, then in the folders their installers use (`C:\Program Files\Google\Chrome\…`,
 * `/Applications/Google Chrome.app/…`, `/opt/google/chrome/…`, `/opt/libreoffice*\/program/…`, …).
 * A tool named explicitly (the CLI's `--pdf-browser`, VS Code's machine-scoped
 * `gpuplan.export.pdfBrowser`) comes before both; when it cannot be run, the export says so and
 * does not quietly use another one.
 *
 * Everything the search looks at goes through a `ToolHost` (platform, environment, home folder,
 * what is at a path, what a folder holds), so each platform's search is tested on a fake file
 * system. `pickTool` then says which of the found tools a PDF export uses.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type PdfEngine = 'chromium' | 'libreoffice';

export interface PdfTools {
  readonly chromium?: string;
  readonly libreoffice?: string;
  /** The engine of a tool the user named: `auto` uses it first. */
  readonly preferred?: PdfEngine;
}

export class PdfToolMissingError extends Error {
  constructor(readonly engine: PdfEngine | 'auto') {
    super(
      engine === 'chromium'
        ? 'No browser for PDF was found (Google Chrome, Chromium or Microsoft Edge), neither on the PATH nor in the usual install folders.'
        : engine === 'libreoffice'
          ? 'LibreOffice was not found (soffice), neither on the PATH nor in the usual install folders.'
          : 'No PDF tool was found: install Google Chrome, Chromium, Microsoft Edge or LibreOffice, name one with --pdf-browser (gpuplan.export.pdfBrowser in VS Code), or export DOCX or HTML and print it to PDF yourself.',
    );
    this.name = 'PdfToolMissingError';
  }
}

/** Why a tool the user named cannot be used. */
export type PdfToolProblem = 'missing' | 'not-on-path' | 'not-executable' | 'folder' | 'relative';

/** The tool named by `--pdf-browser` or `gpuplan.export.pdfBrowser` cannot be run. */
export class PdfToolPathError extends Error {
  constructor(
    readonly tool: string,
    readonly problem: PdfToolProblem,
  ) {
    super(
      problem === 'missing'
        ? `The PDF tool ${tool} does not exist.`
        : problem === 'not-on-path'
          ? `The PDF tool ${tool} is not a program on the PATH.`
          : problem === 'folder'
            ? `The PDF tool ${tool} is a folder, not a program.`
            : problem === 'relative'
              ? `The PDF tool ${tool} must be an absolute path (or a program name on the PATH).`
              : `The PDF tool ${tool} is not a program this user may run.`,
    );
    this.name = 'PdfToolPathError';
  }
}

/** What the search may look at. `systemToolHost()` is this machine; tests pass a fake one. */
export interface ToolHost {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
  /** What is at `file`, links followed: a program this user may run, another file, a folder, or nothing. */
  kind(file: string): 'executable' | 'file' | 'directory' | undefined;
  /** The names in a folder (none when it cannot be read). */
  list(dir: string): readonly string[];
}

const WINDOWS_PROGRAM_EXTENSIONS = ['.exe', '.com', '.cmd', '.bat'];

/** This machine. */
export function systemToolHost(env: Readonly<Record<string, string | undefined>> = process.env): ToolHost {
  const platform = process.platform;
  return {
    platform,
    env,
    home: os.homedir(),
    kind(file) {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch {
        return undefined;
      }
      if (stat.isDirectory()) return 'directory';
      if (!stat.isFile()) return undefined;
      if (platform === 'win32') return WINDOWS_PROGRAM_EXTENSIONS.includes(path.win32.extname(file).toLowerCase()) ? 'executable' : 'file';
      try {
        fs.accessSync(file, fs.constants.X_OK);
        return 'executable';
      } catch {
        return 'file';
      }
    },
    list(dir) {
      try {
        return fs.readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}

/** Browsers of the Chromium family on the PATH, most specific first (Windows adds .exe and the like). */
const CHROMIUM_COMMANDS = [
  'chromium',
  'chromium-browser',
  'google-chrome-stable',
  'google-chrome',
  'chrome',
  'microsoft-edge-stable',
  'microsoft-edge',
  'msedge',
];
const LIBREOFFICE_COMMANDS = ['soffice', 'libreoffice'];

/** Linux: where the distributions' and the vendors' packages put them (the PATH usually has a link). */
const LINUX_CHROMIUM = [
  '/opt/google/chrome/chrome',
  '/opt/google/chrome-beta/chrome',
  '/opt/google/chrome-unstable/chrome',
  '/usr/lib/chromium/chromium',
  '/usr/lib/chromium-browser/chromium-browser',
  '/usr/lib64/chromium-browser/chromium-browser',
  '/opt/microsoft/msedge/msedge',
  '/opt/microsoft/msedge-beta/msedge',
  '/opt/microsoft/msedge-dev/msedge',
  // Snap last: its sandbox may not see the temporary folder the export prints from.
  '/snap/bin/chromium',
];
const LINUX_LIBREOFFICE = ['/usr/lib/libreoffice/program/soffice', '/usr/lib64/libreoffice/program/soffice', '/usr/local/lib/libreoffice/program/soffice'];

/** macOS: application bundles in /Applications and ~/Applications. */
const MAC_CHROMIUM = [
  'Google Chrome',
  'Chromium',
  'Microsoft Edge',
  'Google Chrome Beta',
  'Google Chrome Dev',
  'Google Chrome Canary',
  'Microsoft Edge Beta',
  'Microsoft Edge Dev',
  'Microsoft Edge Canary',
].map((app) => `${app}.app/Contents/MacOS/${app}`);
const MAC_LIBREOFFICE = ['LibreOffice.app/Contents/MacOS/soffice'];

/** Windows: below %LOCALAPPDATA% (per-user installs) and the Program Files folders. */
const WINDOWS_CHROMIUM = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Chromium\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
  'Google\\Chrome Beta\\Application\\chrome.exe',
  'Google\\Chrome Dev\\Application\\chrome.exe',
  'Google\\Chrome SxS\\Application\\chrome.exe',
  'Microsoft\\Edge Beta\\Application\\msedge.exe',
  'Microsoft\\Edge Dev\\Application\\msedge.exe',
  'Microsoft\\Edge SxS\\Application\\msedge.exe',
];

/** An environment variable; Windows' names ignore case. */
function envValue(host: ToolHost, name: string): string | undefined {
  const direct = host.env[name];
  if (direct !== undefined || host.platform !== 'win32') return direct || undefined;
  const key = Object.keys(host.env).find((k) => k.toLowerCase() === name.toLowerCase());
  return (key !== undefined ? host.env[key] : undefined) || undefined;
}

const pathOf = (host: ToolHost): path.PlatformPath => (host.platform === 'win32' ? path.win32 : path.posix);

/** The first program of these names on the PATH (only absolute entries: "." would run a program from the current folder). */
function onPath(host: ToolHost, names: readonly string[]): string | undefined {
  const p = pathOf(host);
  const dirs = (envValue(host, 'PATH') ?? '')
    .split(host.platform === 'win32' ? ';' : ':')
    .map((dir) => dir.replace(/^"(.*)"$/, '$1'))
    .filter((dir) => dir && p.isAbsolute(dir));
  const pathExtensions =
    host.platform === 'win32'
      ? (envValue(host, 'PATHEXT') ?? WINDOWS_PROGRAM_EXTENSIONS.join(';'))
          .split(';')
          .map((e) => e.trim().toLowerCase())
          .filter((e) => /^\.[a-z0-9]+$/.test(e))
      : [''];
  for (const name of names) {
    // "msedge.exe" as it is; "msedge" with each of PATHEXT's extensions.
    const extensions = host.platform === 'win32' && p.extname(name) ? ['', ...pathExtensions] : pathExtensions;
    for (const dir of dirs) {
      for (const ext of extensions) {
        const candidate = p.join(dir, name + ext);
        if (host.kind(candidate) === 'executable') return candidate;
      }
    }
  }
  return undefined;
}

const firstExecutable = (host: ToolHost, candidates: readonly string[]): string | undefined => candidates.find((c) => host.kind(c) === 'executable');

/** Folders that hold installed programs on Windows, per-user first, without repeats. */
function windowsRoots(host: ToolHost, withLocal: boolean): string[] {
  const roots = [
    ...(withLocal ? [envValue(host, 'LOCALAPPDATA')] : []),
    envValue(host, 'ProgramFiles') ?? 'C:\\Program Files',
    envValue(host, 'ProgramW6432'),
    envValue(host, 'ProgramFiles(x86)') ?? 'C:\\Program Files (x86)',
  ].filter((r): r is string => r !== undefined && path.win32.isAbsolute(r));
  return [...new Map(roots.map((r) => [r.toLowerCase().replace(/\\+$/, ''), r])).values()];
}

/** Folders named LibreOffice… (LibreOffice, LibreOffice 7, libreoffice24.8), the newest version first. */
function libreofficeFolders(host: ToolHost, dir: string): string[] {
  return host
    .list(dir)
    .filter((name) => /^libreoffice/i.test(name))
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))
    .sort((a, b) => Number(/^libreoffice$/i.test(b)) - Number(/^libreoffice$/i.test(a)));
}

function standardChromium(host: ToolHost): string | undefined {
  switch (host.platform) {
    case 'win32':
      return firstExecutable(
        host,
        WINDOWS_CHROMIUM.flatMap((rel) => windowsRoots(host, true).map((root) => path.win32.join(root, rel))),
      );
    case 'darwin':
      return firstExecutable(
        host,
        MAC_CHROMIUM.flatMap((rel) => ['/Applications', path.posix.join(host.home, 'Applications')].map((root) => path.posix.join(root, rel))),
      );
    default:
      return firstExecutable(host, LINUX_CHROMIUM);
  }
}

function standardLibreoffice(host: ToolHost): string | undefined {
  switch (host.platform) {
    case 'win32':
      return firstExecutable(
        host,
        windowsRoots(host, false).flatMap((root) => libreofficeFolders(host, root).map((folder) => path.win32.join(root, folder, 'program', 'soffice.exe'))),
      );
    case 'darwin':
      return firstExecutable(
        host,
        MAC_LIBREOFFICE.flatMap((rel) => ['/Applications', path.posix.join(host.home, 'Applications')].map((root) => path.posix.join(root, rel))),
      );
    default:
      return firstExecutable(host, [
        ...LINUX_LIBREOFFICE,
        // The Document Foundation's own packages: /opt/libreoffice24.8/program/soffice.
        ...libreofficeFolders(host, '/opt').map((folder) => path.posix.join('/opt', folder, 'program', 'soffice')),
        '/snap/bin/libreoffice',
      ]);
  }
}

/** Which engine a named program is: LibreOffice's `soffice` (or `libreoffice…`), else a browser of the Chromium family. */
export const engineOfTool = (tool: string): PdfEngine => (/^(soffice|libreoffice)/i.test(path.win32.basename(tool)) ? 'libreoffice' : 'chromium');

/** A program the user named: an absolute path, a macOS application bundle, or a name on the PATH. */
function namedTool(host: ToolHost, tool: string): string {
  const p = pathOf(host);
  if (!/[\\/]/.test(tool)) {
    const found = onPath(host, [tool]);
    if (!found) throw new PdfToolPathError(tool, 'not-on-path');
    return found;
  }
  if (!p.isAbsolute(tool)) throw new PdfToolPathError(tool, 'relative');
  const kind = host.kind(tool);
  if (kind === 'executable') return tool;
  if (kind === 'directory' && host.platform === 'darwin' && /\.app\/?$/i.test(tool)) {
    // "/Applications/Google Chrome.app": the program inside the bundle.
    const bundle = tool.replace(/\/$/, '');
    const inside = p.join(bundle, 'Contents', 'MacOS');
    const name = p.basename(bundle).replace(/\.app$/i, '');
    const found = firstExecutable(host, [p.join(inside, name), p.join(inside, 'soffice'), ...host.list(inside).map((n) => p.join(inside, n))]);
    if (found) return found;
  }
  throw new PdfToolPathError(tool, kind === undefined ? 'missing' : kind === 'directory' ? 'folder' : 'not-executable');
}

export interface LocateOptions {
  /** The program the user named (`--pdf-browser`, `gpuplan.export.pdfBrowser`); blank means none. */
  readonly browser?: string;
  /** Where to search; this machine by default. */
  readonly host?: ToolHost;
  /** The environment to search with on this machine (the PATH, Windows' program folders). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Chromium (Chrome, Chromium or Edge) and LibreOffice as found: the named program first, then the
 * PATH, then the standard install folders. Throws `PdfToolPathError` when the named program cannot be run.
 */
export function findPdfTools(options: LocateOptions = {}): PdfTools {
  const host = options.host ?? systemToolHost(options.env);
  const named = options.browser?.trim() ? namedTool(host, options.browser.trim()) : undefined;
  const preferred = named !== undefined ? engineOfTool(named) : undefined;
  const chromium = preferred === 'chromium' ? named : (onPath(host, CHROMIUM_COMMANDS) ?? standardChromium(host));
  const libreoffice = preferred === 'libreoffice' ? named : (onPath(host, LIBREOFFICE_COMMANDS) ?? standardLibreoffice(host));
  return { ...(chromium ? { chromium } : {}), ...(libreoffice ? { libreoffice } : {}), ...(preferred ? { preferred } : {}) };
}

/** The tool to use: the engine asked for; by default the named tool, else Chromium when found, else LibreOffice. */
export function pickTool(engine: PdfEngine | 'auto', tools: PdfTools): { engine: PdfEngine; tool: string } {
  const order: PdfEngine[] = engine !== 'auto' ? [engine] : tools.preferred === 'libreoffice' ? ['libreoffice', 'chromium'] : ['chromium', 'libreoffice'];
  for (const candidate of order) {
    const tool = tools[candidate];
    if (tool) return { engine: candidate, tool };
  }
  throw new PdfToolMissingError(engine);
}
