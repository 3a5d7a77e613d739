/**
 * Finding the PDF tools on Windows, macOS and Linux, each on a fake file system: the PATH, the
 * folders the installers use, a tool the user names (`--pdf-browser`, `gpuplan.export.pdfBrowser`),
 * and which tool an export then uses.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  PdfToolMissingError,
  PdfToolPathError,
  engineOfTool,
  findPdfTools,
  pickTool,
  systemToolHost,
  type ToolHost,
} from '../../server/src/export/pdf/find-tools';

type Entry = 'exe' | 'file';

/** A machine with these files (every parent is a folder). Windows names ignore case, as NTFS does. */
function machine(
  platform: NodeJS.Platform,
  files: Record<string, Entry>,
  env: Record<string, string> = {},
  home = platform === 'win32' ? 'C:\\Users\\kim' : platform === 'darwin' ? '/Users/kim' : '/home/kim',
): ToolHost {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const key = (f: string) => {
    const normal = p.normalize(f).replace(/[\\/]+$/, '');
    return platform === 'win32' ? normal.toLowerCase() : normal;
  };
  /** Every file and folder: its kind, its folder and its name as written. */
  const entries = new Map<string, { kind: Entry | 'dir'; parent: string; name: string }>();
  const add = (file: string, kind: Entry | 'dir') => entries.set(key(file), { kind, parent: key(p.dirname(file)), name: p.basename(file) });
  for (const [file, kind] of Object.entries(files)) {
    add(file, kind);
    for (let dir = p.dirname(file); dir !== p.dirname(dir); dir = p.dirname(dir)) add(dir, 'dir');
  }
  return {
    platform,
    env,
    home,
    kind(file) {
      const e = entries.get(key(file));
      return e?.kind === 'exe' ? 'executable' : e?.kind === 'file' ? 'file' : e?.kind === 'dir' ? 'directory' : undefined;
    },
    list(dir) {
      return [...entries.values()].filter((e) => e.parent === key(dir)).map((e) => e.name);
    },
  };
}

describe('PDF tools: where they are found', () => {
  describe('Windows', () => {
    const env = {
      PATH: 'C:\\Windows\\system32;C:\\Windows',
      PATHEXT: '.COM;.EXE;.BAT;.CMD',
      LOCALAPPDATA: 'C:\\Users\\kim\\AppData\\Local',
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
    };

    it('finds Microsoft Edge where Windows installs it, though it is not on the PATH', () => {
      const host = machine('win32', { 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe': 'exe' }, env);
      assert.deepEqual(findPdfTools({ host }), { chromium: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe' });
    });

    it('prefers Google Chrome to Edge, and a per-user Chrome (%LOCALAPPDATA%) to a machine-wide one', () => {
      const host = machine(
        'win32',
        {
          'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe': 'exe',
          'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe': 'exe',
          'C:\\Users\\kim\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe': 'exe',
        },
        env,
      );
      assert.equal(findPdfTools({ host }).chromium, 'C:\\Users\\kim\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    });

    it('reads environment variables whatever their case (Windows ignores it), and has defaults without them', () => {
      const lower = machine('win32', { 'D:\\Apps\\Google\\Chrome\\Application\\chrome.exe': 'exe' }, { programfiles: 'D:\\Apps', path: '' });
      assert.equal(findPdfTools({ host: lower }).chromium, 'D:\\Apps\\Google\\Chrome\\Application\\chrome.exe');
      const bare = machine('win32', { 'C:\\Program Files\\LibreOffice\\program\\soffice.exe': 'exe' }, {});
      assert.equal(findPdfTools({ host: bare }).libreoffice, 'C:\\Program Files\\LibreOffice\\program\\soffice.exe');
    });

    it('finds LibreOffice in "LibreOffice" or a versioned folder, the newest first', () => {
      const host = machine(
        'win32',
        { 'C:\\Program Files\\LibreOffice 5\\program\\soffice.exe': 'exe', 'C:\\Program Files\\LibreOffice 24.8\\program\\soffice.exe': 'exe' },
        env,
      );
      assert.equal(findPdfTools({ host }).libreoffice, 'C:\\Program Files\\LibreOffice 24.8\\program\\soffice.exe');
      const plain = machine(
        'win32',
        { 'C:\\Program Files\\LibreOffice 7\\program\\soffice.exe': 'exe', 'C:\\Program Files\\LibreOffice\\program\\soffice.exe': 'exe' },
        env,
      );
      assert.equal(findPdfTools({ host: plain }).libreoffice, 'C:\\Program Files\\LibreOffice\\program\\soffice.exe');
    });

    it('takes the PATH first, with PATHEXT, quoted entries and only absolute folders', () => {
      const host = machine(
        'win32',
        { 'C:\\Tools\\chrome.exe': 'exe', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe': 'exe', '.\\chromium.exe': 'exe' },
        { ...env, PATH: '.;"C:\\Tools";C:\\Windows' },
      );
      assert.equal(findPdfTools({ host }).chromium, 'C:\\Tools\\chrome.exe');
    });

    it('runs no file that is not a program (a chrome.txt, a folder named chrome.exe)', () => {
      const host = machine('win32', { 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\\x.dll': 'file', 'C:\\Windows\\chrome.txt': 'file' }, env);
      assert.deepEqual(findPdfTools({ host }), {});
    });
  });

  describe('macOS', () => {
    const env = { PATH: '/usr/bin:/bin:/usr/sbin:/sbin' };

    it('finds Chrome, Chromium or Edge as application bundles in /Applications and ~/Applications', () => {
      for (const [app, exe] of [
        ['Google Chrome', 'Google Chrome'],
        ['Chromium', 'Chromium'],
        ['Microsoft Edge', 'Microsoft Edge'],
      ]) {
        const file = `/Applications/${app}.app/Contents/MacOS/${exe}`;
        assert.equal(findPdfTools({ host: machine('darwin', { [file]: 'exe' }, env) }).chromium, file);
      }
      const mine = '/Users/kim/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
      assert.equal(findPdfTools({ host: machine('darwin', { [mine]: 'exe' }, env) }).chromium, mine);
    });

    it('finds LibreOffice.app', () => {
      const file = '/Applications/LibreOffice.app/Contents/MacOS/soffice';
      assert.deepEqual(findPdfTools({ host: machine('darwin', { [file]: 'exe' }, env) }), { libreoffice: file });
    });

    it('takes a Homebrew program on the PATH before the bundles', () => {
      const host = machine(
        'darwin',
        { '/opt/homebrew/bin/chromium': 'exe', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome': 'exe' },
        { PATH: '/opt/homebrew/bin:/usr/bin' },
      );
      assert.equal(findPdfTools({ host }).chromium, '/opt/homebrew/bin/chromium');
    });

    it('accepts an application bundle as the named tool', () => {
      const host = machine(
        'darwin',
        { '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge': 'exe', '/Applications/LibreOffice.app/Contents/MacOS/soffice': 'exe' },
        env,
      );
      assert.deepEqual(findPdfTools({ host, browser: '/Applications/Microsoft Edge.app' }), {
        chromium: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
        libreoffice: '/Applications/LibreOffice.app/Contents/MacOS/soffice',
        preferred: 'chromium',
      });
      assert.equal(findPdfTools({ host, browser: '/Applications/LibreOffice.app/' }).libreoffice, '/Applications/LibreOffice.app/Contents/MacOS/soffice');
    });
  });

  describe('Linux', () => {
    it('finds the tools on the PATH by every usual name', () => {
      for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge']) {
        const host = machine('linux', { [`/usr/bin/${name}`]: 'exe' }, { PATH: '/usr/local/bin:/usr/bin' });
        assert.equal(findPdfTools({ host }).chromium, `/usr/bin/${name}`, name);
      }
      for (const name of ['soffice', 'libreoffice']) {
        const host = machine('linux', { [`/usr/bin/${name}`]: 'exe' }, { PATH: '/usr/bin' });
        assert.equal(findPdfTools({ host }).libreoffice, `/usr/bin/${name}`, name);
      }
    });

    it("finds the vendors' packages off the PATH: /opt/google/chrome, /opt/microsoft/msedge, /opt/libreofficeX.Y", () => {
      const host = machine(
        'linux',
        { '/opt/microsoft/msedge/msedge': 'exe', '/opt/libreoffice7.6/program/soffice': 'exe', '/opt/libreoffice24.8/program/soffice': 'exe' },
        { PATH: '/usr/bin' },
      );
      assert.deepEqual(findPdfTools({ host }), { chromium: '/opt/microsoft/msedge/msedge', libreoffice: '/opt/libreoffice24.8/program/soffice' });
      const chrome = machine('linux', { '/opt/google/chrome/chrome': 'exe', '/snap/bin/chromium': 'exe' }, { PATH: '' });
      assert.equal(findPdfTools({ host: chrome }).chromium, '/opt/google/chrome/chrome');
    });

    it('never runs a program from a relative PATH entry, nor a file without the execute bit', () => {
      const host = machine('linux', { 'bin/chromium': 'exe', '/usr/bin/chromium': 'file' }, { PATH: 'bin:.:/usr/bin' });
      assert.deepEqual(findPdfTools({ host }), {});
    });

    it('finds nothing on a bare machine, and then says what to install', () => {
      const host = machine('linux', {}, { PATH: '/usr/bin' });
      assert.deepEqual(findPdfTools({ host }), {});
      assert.throws(
        () => pickTool('auto', findPdfTools({ host })),
        (e: unknown) => e instanceof PdfToolMissingError && /Chrome, Chromium, Microsoft Edge or LibreOffice/.test(e.message),
      );
    });
  });

  describe('a tool the user names', () => {
    const host = machine(
      'linux',
      { '/usr/bin/chromium': 'exe', '/usr/bin/soffice': 'exe', '/home/kim/bin/my-chrome': 'exe', '/home/kim/notes.txt': 'file' },
      { PATH: '/usr/bin' },
    );

    it('comes first, and an export in auto mode uses it', () => {
      const tools = findPdfTools({ host, browser: '/home/kim/bin/my-chrome' });
      assert.deepEqual(tools, { chromium: '/home/kim/bin/my-chrome', libreoffice: '/usr/bin/soffice', preferred: 'chromium' });
      assert.deepEqual(pickTool('auto', tools), { engine: 'chromium', tool: '/home/kim/bin/my-chrome' });
    });

    it('LibreOffice named is LibreOffice used, though a browser is there too', () => {
      const tools = findPdfTools({ host, browser: '/usr/bin/soffice' });
      assert.equal(tools.preferred, 'libreoffice');
      assert.deepEqual(pickTool('auto', tools), { engine: 'libreoffice', tool: '/usr/bin/soffice' });
      assert.deepEqual(pickTool('chromium', tools), { engine: 'chromium', tool: '/usr/bin/chromium' });
    });

    it('may be a program name on the PATH; blank means none', () => {
      assert.equal(findPdfTools({ host, browser: 'chromium' }).chromium, '/usr/bin/chromium');
      assert.deepEqual(findPdfTools({ host, browser: '  ' }), { chromium: '/usr/bin/chromium', libreoffice: '/usr/bin/soffice' });
    });

    it('is refused with the reason when it cannot run — never silently replaced by another tool', () => {
      const cases: Array<[string, string]> = [
        ['/home/kim/bin/missing', 'missing'],
        ['/home/kim/notes.txt', 'not-executable'],
        ['/home/kim/bin', 'folder'],
        ['bin/my-chrome', 'relative'],
        ['edge', 'not-on-path'],
      ];
      for (const [browser, problem] of cases) {
        assert.throws(
          () => findPdfTools({ host, browser }),
          (e: unknown) => e instanceof PdfToolPathError && e.problem === problem && e.tool === browser,
          browser,
        );
      }
    });

    it('is LibreOffice when its name says so, on any platform', () => {
      assert.equal(engineOfTool('C:\\Program Files\\LibreOffice\\program\\soffice.exe'), 'libreoffice');
      assert.equal(engineOfTool('/usr/bin/libreoffice24.8'), 'libreoffice');
      assert.equal(engineOfTool('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'), 'chromium');
      assert.equal(engineOfTool('msedge.exe'), 'chromium');
    });
  });

  describe('this machine', () => {
    it('tells programs from other files through the real file system', function () {
      if (process.platform === 'win32') this.skip();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-tools-'));
      try {
        fs.writeFileSync(path.join(dir, 'chromium'), '#!/bin/sh\n', { mode: 0o755 });
        fs.writeFileSync(path.join(dir, 'soffice'), 'not a program', { mode: 0o644 });
        const host = systemToolHost({ PATH: dir });
        assert.equal(host.kind(path.join(dir, 'chromium')), 'executable');
        assert.equal(host.kind(path.join(dir, 'soffice')), 'file');
        assert.equal(host.kind(dir), 'directory');
        assert.equal(host.kind(path.join(dir, 'none')), undefined);
        assert.deepEqual([...host.list(dir)].sort(), ['chromium', 'soffice']);
        assert.equal(findPdfTools({ host: { ...host, platform: 'linux' } }).chromium, path.join(dir, 'chromium'));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
