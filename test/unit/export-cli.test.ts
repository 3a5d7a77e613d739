import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { main, type Io } from '../../server/src/cli';
import type { ToolHost } from '../../server/src/export';
import { pdfNamedDestinationPages } from '../../server/src/export/pdf/read-pages';
import { ROOT } from '../support/fixtures';

/** The text of a DOCX's main part. */
/** The text of a DOCX's body: its runs joined (the DOCX cuts text into runs by language). */
async function documentText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
}

const CLI = path.join(ROOT, 'dist', 'cli.js');
const complete = path.join(ROOT, 'examples', 'complete.gpuplan.json');
const mistakes = path.join(ROOT, 'examples', 'mistakes.gpuplan.json');

describe('CLI: gpuplan export (bundled dist/cli.js)', function () {
  // DOCX and HWPX are laid out by rhwp first, for their 목차's page numbers (seconds on a busy machine).
  this.timeout(180_000);
  let dir: string;

  function run(args: string[], env: Record<string, string> = {}) {
    const result = spawnSync(process.execPath, [CLI, 'export', ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', GPUPLAN_LANG: '', LANG: 'C', ...env },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  before(() => {
    assert.ok(fs.existsSync(CLI), 'run `npm run build` first');
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-export-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a DOCX next to the plan by default and exits 0', () => {
    fs.copyFileSync(complete, path.join(dir, 'plan.gpuplan.json'));
    const { code, stdout, stderr } = run(['plan.gpuplan.json', '--lang', 'en']);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Wrote plan\.docx \(DOCX\)\.$/m);
    assert.equal(fs.readFileSync(path.join(dir, 'plan.docx')).subarray(0, 2).toString(), 'PK');
  });

  it('takes the format from -o, or from --format', async () => {
    let r = run([complete, '-o', 'out/plan.html', '--lang', 'en']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(fs.readFileSync(path.join(dir, 'out', 'plan.html'), 'utf8'), /^<!DOCTYPE html>/);
    r = run([complete, '--format', 'hwpx', '--output', 'plan.hwpx']);
    assert.equal(r.code, 0, r.stderr);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'plan.hwpx')));
    assert.equal(await zip.file('mimetype')?.async('string'), 'application/hwp+zip');
  });

  it('refuses a plan with errors: nothing written, exit 1, the errors and warnings listed on stderr', () => {
    const r = run([mistakes, '-o', 'm.docx', '--lang', 'en']);
    assert.equal(r.code, 1);
    assert.deepEqual(fs.readdirSync(dir), [], 'nothing is written');
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^\s+\d+:\d+\s+error\s+.+\s+registration-number-checksum$/m);
    assert.match(r.stderr, /^\s+\d+:\d+\s+warning\s+.+\s+vague-expression$/m);
    assert.match(r.stderr, /fails its check digit/, 'in the language of the messages');
    assert.match(
      r.stderr,
      /Nothing was written: the plan has 11 error\(s\) and 23 warning\(s\), listed above\. Fix the errors and export again, or add --force/,
    );
  });

  it('with --force exports it all the same, exit 0, the findings listed on stderr and not in the document', async () => {
    const r = run([mistakes, '-o', 'm.docx', '--force', '--lang', 'en']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Wrote m\.docx \(DOCX\)\.$/m);
    assert.match(r.stderr, /registration-number-checksum/);
    assert.match(r.stderr, /The plan has 11 error\(s\) and 23 warning\(s\), listed above; the document does not show them\./);
    const xml = await documentText(path.join(dir, 'm.docx'));
    assert.doesNotMatch(xml, /점검 결과 \(양식 외/);
  });

  it('prints the findings into the document only with --include-findings', async () => {
    const plain = run([mistakes, '-o', 'plain.html', '--force', '--lang', 'en']);
    assert.equal(plain.code, 0, plain.stderr);
    assert.doesNotMatch(fs.readFileSync(path.join(dir, 'plain.html'), 'utf8').replace(/<[^>]+>/g, ''), /점검 결과 \(양식 외/);
    const withFindings = run([mistakes, '-o', 'review.docx', '--force', '--include-findings', '--lang', 'en']);
    assert.equal(withFindings.code, 0, withFindings.stderr);
    assert.match(withFindings.stderr, /listed above and on the last page of the document\. Leave out --include-findings for the copy you submit\./);
    assert.match(await documentText(path.join(dir, 'review.docx')), /점검 결과 \(양식 외, gpuplan\) \d+건/);
  });

  it('exports a plan with only warnings (exit 0) and lists the warnings on stderr', () => {
    const warned = path.join(dir, 'warned.gpuplan.json');
    fs.writeFileSync(warned, fs.readFileSync(complete, 'utf8').replace('"necessity": [', '"necessity": ["다국어 지원 검토 중", '));
    const r = run([warned, '-o', 'w.docx', '--lang', 'en']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(fs.existsSync(path.join(dir, 'w.docx')));
    assert.match(r.stderr, /^\s+\d+:\d+\s+warning\s+.+vague-expression$/m);
    assert.match(r.stderr, /The plan has 0 error\(s\) and 1 warning\(s\), listed above/);
  });

  it('refuses to replace a file without --overwrite', () => {
    fs.writeFileSync(path.join(dir, 'x.docx'), 'keep me');
    let r = run([complete, '-o', 'x.docx', '--lang', 'en']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /x\.docx already exists\. Add --overwrite to replace it\./);
    assert.equal(fs.readFileSync(path.join(dir, 'x.docx'), 'utf8'), 'keep me');
    r = run([complete, '-o', 'x.docx', '--overwrite']);
    assert.equal(r.code, 0);
    assert.notEqual(fs.readFileSync(path.join(dir, 'x.docx'), 'utf8'), 'keep me');
  });

  it('never writes over the plan itself', () => {
    fs.copyFileSync(complete, path.join(dir, 'p.json'));
    const r = run(['p.json', '--format', 'html', '-o', 'p.json', '--overwrite', '--lang', 'en']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is the plan itself/);
    assert.equal(fs.readFileSync(path.join(dir, 'p.json'), 'utf8'), fs.readFileSync(complete, 'utf8'));
  });

  it('explains usage mistakes and bad input, with exit 2', () => {
    const cases: Array<[string[], RegExp]> = [
      [[complete, '--bogus'], /Unknown option: --bogus/],
      [[complete, '--format', 'odt'], /Unknown format "odt"\. Choose one of: docx, html, hwpx, hwp, pdf\./],
      [[complete, '-o', 'plan.txt'], /Cannot tell the format from the name plan\.txt/],
      [[complete, '--format', 'pdf', '-o', 'plan.docx'], /does not end in \.pdf/],
      [[], /Name exactly one plan file\./],
      [['missing.gpuplan.json'], /File not found: missing\.gpuplan\.json/],
      [[path.join(ROOT, 'package.json')], /is not a gpuplan plan/],
      [[complete, '--format', 'pdf', '--pdf-engine', 'word'], /Unknown PDF engine "word"/],
    ];
    for (const [args, message] of cases) {
      const r = run([...args, '--lang', 'en']);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
    }
  });

  it('says what to install when no PDF tool is found on the PATH or in the install folders, and writes nothing', async () => {
    const bare: ToolHost = { platform: 'linux', env: { PATH: '/usr/bin' }, home: '/home/kim', kind: () => undefined, list: () => [] };
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = {
      stdout: { write: (t: string) => out.push(t) },
      stderr: { write: (t: string) => err.push(t) },
      env: { LANG: 'C' },
      cwd: dir,
      toolHost: bare,
    };
    const code = await main(['export', complete, '--format', 'pdf', '--lang', 'en'], io);
    assert.equal(code, 2);
    assert.match(err.join(''), /Cannot make a PDF: no Chrome, Edge or Chromium and no LibreOffice was found, on the PATH or where their installers put them\./);
    assert.match(err.join(''), /--pdf-browser PATH/);
    assert.equal(await main(['export', complete, '--format', 'pdf', '--pdf-engine', 'libreoffice', '--lang', 'en'], io), 2);
    assert.match(err.join(''), /Cannot make a PDF with --pdf-engine libreoffice: LibreOffice \(soffice\) was not found/);
    assert.deepEqual(fs.readdirSync(dir), []);
    assert.deepEqual(out, []);
  });

  it('--pdf-browser: a tool that cannot run is refused with the reason, before anything is made', () => {
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a program');
    const cases: Array<[string, RegExp]> = [
      ['./missing-chrome', /The PDF tool .*missing-chrome given with --pdf-browser does not exist\./],
      ['notes.txt', /is not a program on the PATH/],
      ['./notes.txt', /given with --pdf-browser is not a program this user may run\./],
      ['./', /given with --pdf-browser is a folder, not a program\./],
    ];
    for (const [browser, pattern] of cases) {
      const r = run([complete, '--format', 'pdf', '-o', 'p.pdf', '--pdf-browser', browser, '--lang', 'en']);
      assert.equal(r.code, 2, browser);
      assert.match(r.stderr, pattern, browser);
    }
    assert.deepEqual(fs.readdirSync(dir).sort(), ['notes.txt']);
  });

  it('speaks Korean by default, while the document is always Korean', () => {
    const r = run([complete, '-o', 'k.html', '--lang', 'ko']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /k\.html/);
    assert.doesNotMatch(r.stdout, /Wrote/);
    assert.match(
      fs.readFileSync(path.join(dir, 'k.html'), 'utf8'),
      /<h1 id="ch-1" class="chapter"><span class="num">I<\/span><span class="title">과제 개요<\/span><\/h1>/,
    );
  });

  it('prints its help', () => {
    const r = run(['--help', '--lang', 'en']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /gpuplan export FILE \[--format docx\|html\|hwpx\|hwp\|pdf\] \[-o OUT\] \[--force\] \[--overwrite\] \[--include-findings\]/);
    for (const flag of ['--overwrite', '--follow-symlinks', '--include-findings', '--pdf-browser PATH']) assert.ok(r.stdout.includes(flag), flag);
  });
});

/** Whether a process is running (a zombie waiting for its parent counts as gone). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/** Runs the bundled CLI as a child process, without waiting for it. */
function start(args: string[], cwd: string, env: Record<string, string> = {}, options: { uid?: number; gid?: number } = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', GPUPLAN_LANG: '', LANG: 'C', ...env }, ...options });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => {
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, done };
}

const NO_STACK = /^\s+at .+:\d+:\d+\)?$/m;

describe('CLI: gpuplan export never destroys a file (bundled dist/cli.js)', function () {
  this.timeout(60_000);
  let dir: string;
  const posix = process.platform !== 'win32';

  function run(args: string[], env: Record<string, string> = {}, options: { uid?: number; gid?: number; cwd?: string } = {}) {
    const result = spawnSync(process.execPath, [CLI, 'export', ...args, '--lang', 'en'], {
      cwd: options.cwd ?? dir,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, NO_COLOR: '1', GPUPLAN_LANG: '', LANG: 'C', ...env },
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid } : {}),
    });
    assert.equal(result.signal, null, `the CLI was killed (${result.signal}): it hung`);
    assert.doesNotMatch(result.stderr, NO_STACK, 'a sentence, never a stack trace');
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }
  const at = (...parts: string[]) => path.join(dir, ...parts);
  const temporaryFiles = (folder = dir) => fs.readdirSync(folder).filter((n) => n.endsWith('.tmp'));

  before(() => {
    assert.ok(fs.existsSync(CLI), 'run `npm run build` first');
  });
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-export-safety-')));
    fs.copyFileSync(complete, at('plan.gpuplan.json'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('recognises the plan through a folder link (-o here/plan.gpuplan.json with here -> .) and a hard link', function () {
    if (!posix) this.skip();
    fs.symlinkSync('.', at('here'));
    fs.linkSync(at('plan.gpuplan.json'), at('same.html'));
    for (const output of [path.join('here', 'plan.gpuplan.json'), path.join('here', 'here', 'same.html')]) {
      const r = run(['plan.gpuplan.json', '--format', 'html', '-o', output, '--overwrite']);
      assert.equal(r.code, 2, output);
      assert.match(r.stderr, /is the plan itself \(under another name\); choose another file with -o\./, output);
    }
    assert.equal(fs.readFileSync(at('plan.gpuplan.json'), 'utf8'), fs.readFileSync(complete, 'utf8'));
    assert.deepEqual(temporaryFiles(), []);
  });

  it('refuses a FIFO, a device and a folder as the output, even with --overwrite, at once', function () {
    if (!posix) this.skip();
    assert.equal(spawnSync('mkfifo', [at('fifo.docx')]).status, 0);
    fs.mkdirSync(at('folder.docx'));
    const cases: Array<[string, RegExp]> = [
      [
        'fifo.docx',
        /^gpuplan: fifo\.docx is a named pipe \(FIFO\), not a regular file: an export never replaces it, even with --overwrite\. Nothing was written\.$/m,
      ],
      ['/dev/null', /^gpuplan: \/dev\/null is a device, not a regular file/m],
      ['folder.docx', /^gpuplan: folder\.docx is a folder; name a file to write with -o\.$/m],
    ];
    for (const [output, pattern] of cases) {
      const r = run(['plan.gpuplan.json', '--format', 'docx', '-o', output, '--overwrite']);
      assert.equal(r.code, 2, output);
      assert.match(r.stderr, pattern, output);
    }
    assert.ok(fs.lstatSync(at('fifo.docx')).isFIFO());
    assert.deepEqual(fs.readdirSync(at('folder.docx')), []);
    // As the plan to read, for export and cost alike: refused at once, not read for ever.
    for (const input of ['fifo.docx', '/dev/zero']) {
      const r = run([input, '-o', 'x.html']);
      assert.equal(r.code, 2, input);
      assert.match(r.stderr, /is (a named pipe \(FIFO\)|a device), not a regular file: gpuplan reads only regular files\./, input);
      const cost = spawnSync(process.execPath, [CLI, 'cost', input, '--lang', 'en'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
      assert.equal(cost.status, 2, `cost ${input}`);
    }
  });

  it('writes through a symbolic link only with --follow-symlinks', function () {
    if (!posix) this.skip();
    fs.writeFileSync(at('real.docx'), 'old');
    fs.symlinkSync('real.docx', at('link.docx'));
    fs.symlinkSync('/dev/null', at('null.docx'));
    let r = run(['plan.gpuplan.json', '-o', 'link.docx', '--overwrite']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /link\.docx is a symbolic link \(to real\.docx\)\. Nothing was written: add --follow-symlinks/);
    assert.equal(fs.readFileSync(at('real.docx'), 'utf8'), 'old');
    r = run(['plan.gpuplan.json', '-o', 'null.docx', '--overwrite', '--follow-symlinks']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /is a device/);
    r = run(['plan.gpuplan.json', '-o', 'link.docx', '--overwrite', '--follow-symlinks']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Wrote link\.docx -> .*real\.docx \(DOCX\)\.$/m);
    assert.ok(fs.lstatSync(at('link.docx')).isSymbolicLink(), 'the link stays a link');
    assert.equal(fs.readFileSync(at('real.docx')).subarray(0, 2).toString(), 'PK');
  });

  it('two exports to the same new file: exactly one wins, the other is told, the file is whole', async () => {
    const racers = Array.from({ length: 4 }, () => start(['export', 'plan.gpuplan.json', '--format', 'html', '-o', 'race.html', '--lang', 'en'], dir));
    const results = await Promise.all(racers.map((r) => r.done));
    const won = results.filter((r) => r.code === 0);
    assert.equal(won.length, 1, results.map((r) => `${r.code}: ${r.stderr}`).join('\n'));
    for (const lost of results.filter((r) => r.code !== 0)) {
      assert.equal(lost.code, 2);
      assert.match(lost.stderr, /race\.html (already exists\. Add --overwrite to replace it|appeared while the export was being written)/);
    }
    assert.match(fs.readFileSync(at('race.html'), 'utf8'), /^<!DOCTYPE html>[\s\S]*<\/html>\s*$/);
    assert.deepEqual(temporaryFiles(), []);
  });

  it('a file in the output path (ENOTDIR): a clear message, exit 2', () => {
    const r = run(['plan.gpuplan.json', '-o', path.join('plan.gpuplan.json', 'x.docx')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^gpuplan: Cannot write plan\.gpuplan\.json\/x\.docx: a part of the path is a file, not a folder\.$/m);
  });

  it('permission denied (EACCES) on writing and on reading: a clear message, exit 2', function () {
    if (!posix) this.skip();
    // As root every permission is granted: run the CLI as "nobody" then.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(at('plan.gpuplan.json'), 0o644);
    fs.mkdirSync(at('locked'), { mode: 0o555 });
    fs.chmodSync(at('locked'), 0o555);
    let r = run(['plan.gpuplan.json', '-o', path.join('locked', 'plan.docx')], {}, asUser);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^gpuplan: Cannot write locked\/plan\.docx: permission denied\.$/m);
    r = run(['plan.gpuplan.json', '-o', path.join('locked', 'sub', 'plan.docx')], {}, asUser);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^gpuplan: Cannot make the folder for locked\/sub\/plan\.docx: permission denied\.$/m);
    fs.chmodSync(at('plan.gpuplan.json'), 0o600);
    r = run(['plan.gpuplan.json', '-o', 'x.docx'], {}, asUser);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^gpuplan: Cannot read plan\.gpuplan\.json: permission denied\.$/m);
  });

  /** Runs the CLI with a tiny file system mounted at `mnt` in a mount namespace of its own (root and unshare needed). */
  function onTinyDisk(mountOptions: string, args: string[]): { code: number | null; stderr: string; left: string } | undefined {
    if (!posix || process.getuid?.() !== 0 || spawnSync('unshare', ['-m', 'true']).status !== 0) return undefined;
    fs.mkdirSync(at('mnt'));
    const script = `mount -t tmpfs -o ${mountOptions} tmpfs mnt || exit 99; "$0" "$@"; code=$?; echo "left:$(ls -A mnt)" >&2; exit $code`;
    const result = spawnSync('unshare', ['-m', 'sh', '-c', script, process.execPath, CLI, 'export', ...args, '--lang', 'en'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, LANG: 'C', GPUPLAN_LANG: '' },
    });
    if (result.status === 99) return undefined;
    assert.doesNotMatch(result.stderr, NO_STACK);
    return { code: result.status, stderr: result.stderr, left: /left:(.*)/.exec(result.stderr)?.[1] ?? '?' };
  }

  it('a full disk (ENOSPC, a 16 KB tmpfs): a clear message, exit 2, no temporary file left', function () {
    const r = onTinyDisk('size=16k', ['plan.gpuplan.json', '-o', path.join('mnt', 'plan.docx')]);
    if (!r) this.skip(); // the injected ENOSPC of files.test.ts covers it then
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^gpuplan: Cannot write mnt\/plan\.docx: the disk is full\.$/m);
    assert.equal(r.left, '', 'nothing is left on the full disk');
  });

  it('a read-only file system (EROFS): a clear message, exit 2', function () {
    const r = onTinyDisk('ro,size=64k', ['plan.gpuplan.json', '-o', path.join('mnt', 'plan.docx')]);
    if (!r) this.skip();
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^gpuplan: Cannot write mnt\/plan\.docx: the file system is read-only\.$/m);
  });

  describe('a killed PDF export removes its temporary files and its child processes', () => {
    /** A fake browser: it starts a child of its own, writes both ids down and hangs, as a stuck Chromium would. */
    function hangingTool(name: string): string {
      const file = at('tools', name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '#!/bin/sh\nsleep 300 &\necho "$$ $!" > "$GPUPLAN_TEST_PIDS"\nwait\n', { mode: 0o755 });
      return file;
    }

    for (const [signal, code, tool] of [
      ['SIGTERM', 143, 'chromium'],
      ['SIGINT', 130, 'chromium'],
      ['SIGHUP', 129, 'soffice'],
    ] as const) {
      it(`${signal} during a ${tool} run: exit ${code}, the tool and its child ended, its folder and the output's temporary file gone`, async function () {
        if (!posix) this.skip();
        const tmp = at('tmp');
        fs.mkdirSync(tmp);
        const pids = at('pids');
        const cli = start(['export', 'plan.gpuplan.json', '-o', 'plan.pdf', '--pdf-browser', hangingTool(tool), '--lang', 'en'], dir, {
          TMPDIR: tmp,
          GPUPLAN_TEST_PIDS: pids,
        });
        const deadline = Date.now() + 20_000;
        while (!(fs.existsSync(pids) && /^\d+ \d+\n/.test(fs.readFileSync(pids, 'utf8')))) {
          assert.ok(Date.now() < deadline, 'the tool started');
          await new Promise((r) => setTimeout(r, 50));
        }
        const [toolPid, childPid] = fs.readFileSync(pids, 'utf8').trim().split(' ').map(Number);
        assert.ok(running(toolPid) && running(childPid));
        assert.match(fs.readdirSync(tmp).join(), new RegExp(`^gpuplan-pdf-${cli.child.pid}-`), 'the PDF folder is in TMPDIR');
        cli.child.kill(signal);
        const result = await cli.done;
        assert.equal(result.code, code, result.stderr);
        assert.match(
          result.stderr,
          new RegExp(`Export stopped \\(${signal}\\): nothing was written, and its temporary files and PDF tool processes were removed\\.`),
        );
        const gone = Date.now() + 5_000;
        while ((running(toolPid) || running(childPid)) && Date.now() < gone) await new Promise((r) => setTimeout(r, 50));
        assert.ok(!running(toolPid), 'the tool was ended');
        assert.ok(!running(childPid), 'the process the tool started was ended');
        assert.deepEqual(fs.readdirSync(tmp), [], 'its temporary folder was removed');
        assert.deepEqual(fs.readdirSync(dir).sort(), ['pids', 'plan.gpuplan.json', 'tmp', 'tools'], 'no output, no temporary file');
      });
    }

    it('the folder of an export killed with SIGKILL (which nothing can catch) is removed by the next PDF export', function () {
      if (!posix) this.skip();
      const tmp = at('tmp');
      fs.mkdirSync(path.join(tmp, 'gpuplan-pdf-4194000-stale', 'chromium-profile'), { recursive: true });
      fs.mkdirSync(path.join(tmp, `gpuplan-pdf-${process.pid}-alive`));
      fs.mkdirSync(path.join(tmp, 'someone-elses'));
      const printer = at('tools', 'chromium');
      fs.mkdirSync(path.dirname(printer), { recursive: true });
      // A browser that prints: it writes a (minimal) PDF where --print-to-pdf says.
      fs.writeFileSync(
        printer,
        '#!/bin/sh\nfor a in "$@"; do case "$a" in --print-to-pdf=*) printf \'%%PDF-1.4\\n%%%%EOF\\n\' > "${a#--print-to-pdf=}";; esac; done\n',
        { mode: 0o755 },
      );
      const r = run(['plan.gpuplan.json', '-o', 'plan.pdf', '--pdf-browser', printer], { TMPDIR: tmp });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Wrote plan\.pdf \(PDF, made with chromium: .*tools\/chromium\)\./);
      assert.match(fs.readFileSync(at('plan.pdf'), 'latin1'), /^%PDF-1\.4/);
      assert.deepEqual(fs.readdirSync(tmp).sort(), [`gpuplan-pdf-${process.pid}-alive`, 'someone-elses']);
    });
  });
});

describe('export: reading page numbers back from a PDF', () => {
  it('maps named destinations to pages through the page tree', () => {
    const pdf = [
      '%PDF-1.4',
      '1 0 obj\n<</Type /Catalog /Pages 2 0 R /Dests 9 0 R>>\nendobj',
      '2 0 obj\n<</Type /Pages /Count 3 /Kids [3 0 R 4 0 R]>>\nendobj',
      '3 0 obj\n<</Type /Page /Parent 2 0 R>>\nendobj',
      '4 0 obj\n<</Type /Pages /Parent 2 0 R /Count 2 /Kids [5 0 R 6 0 R]>>\nendobj',
      '5 0 obj\n<</Type /Page /Parent 4 0 R>>\nendobj',
      '6 0 obj\n<</Type /Page /Parent 4 0 R>>\nendobj',
      '9 0 obj\n<</ch-1 [5 0 R /XYZ 0 841 0]\n/ch-1-2 [6 0 R /XYZ 0 300 0]\n/odd#2Did [3 0 R /XYZ 0 0 0]>>\nendobj',
      'trailer\n<</Root 1 0 R>>\n%%EOF',
    ].join('\n');
    const pages = pdfNamedDestinationPages(new TextEncoder().encode(pdf));
    assert.deepEqual(
      [...pages],
      [
        ['ch-1', 2],
        ['ch-1-2', 3],
        ['odd-id', 1],
      ],
    );
    assert.deepEqual([...pdfNamedDestinationPages(new TextEncoder().encode('not a pdf'))], []);
  });
});
