/**
 * Finding the PDF tools on this machine: Chromium (`chromium`, `chromium-browser`,
 * `google-chrome`, …) and LibreOffice (`soffice`, `libreoffice`) on the PATH, and which of them
 * a PDF export uses.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type PdfEngine = 'chromium' | 'libreoffice';

export interface PdfTools {
  readonly chromium?: string;
  readonly libreoffice?: string;
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

const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const LIBREOFFICE_NAMES = ['soffice', 'libreoffice'];
const WINDOWS_EXTENSIONS = ['.exe', '.cmd', '.bat'];

/** The first executable of these names on the PATH. */
function which(names: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
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

/** The tool to use: the engine asked for, or by default Chromium when found, else LibreOffice. */
export function pickTool(engine: PdfEngine | 'auto', tools: PdfTools): { engine: PdfEngine; tool: string } {
  if ((engine === 'auto' || engine === 'chromium') && tools.chromium) return { engine: 'chromium', tool: tools.chromium };
  if ((engine === 'auto' || engine === 'libreoffice') && tools.libreoffice) return { engine: 'libreoffice', tool: tools.libreoffice };
  throw new PdfToolMissingError(engine);
}
