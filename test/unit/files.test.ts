/**
 * File safety (server/src/cli/files.ts): how the CLI reads a plan and writes an export. Each case
 * of issue 13 ("Files are never destroyed") is a test here on the real file system, or — where the
 * machine cannot produce the condition (a full disk from inside a test, EACCES as root, a
 * case-insensitive file system) — with the error injected at the system call that would report
 * it. The CLI tests (export-cli.test.ts) run the same cases through `gpuplan` itself.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import {
  FileError,
  MAX_PLAN_BYTES,
  decodeText,
  firstInvalidUtf8,
  pendingTemporaryFileCount,
  readTextFile,
  removePendingTemporaryFiles,
  writeFileSafely,
  type FileSystem,
} from '../../server/src/cli/files';

const errno = (code: string, syscall: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: injected, ${syscall}`), { code, syscall, errno: -1 });

/** The real file system with one call replaced. */
const withCall = <K extends keyof FileSystem>(name: K, replacement: FileSystem[K]): FileSystem => ({ ...fs, [name]: replacement });

const message = (pattern: RegExp) => (error: unknown) => error instanceof FileError && pattern.test(error.message);

describe('file safety: reading a plan', () => {
  let dir: string;
  before(() => {
    l10n.config({ contents: {} });
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-files-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const file = (name: string, content: string | Uint8Array) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };

  it('reads UTF-8 as it is, a BOM included (the analysis skips it as the editor does)', () => {
    assert.equal(readTextFile(file('a.json', '{"projectTitle": "과제"}')).text, '{"projectTitle": "과제"}');
    assert.equal(readTextFile(file('b.json', '\ufeff{}')).text, '\ufeff{}');
  });

  it('decodes UTF-16 with a BOM, little- and big-endian', () => {
    const text = '{"projectTitle": "초거대 AI 🚀"}';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    be[0] = 0xfe;
    be[1] = 0xff;
    assert.equal(readTextFile(file('le.json', le)).text, '\ufeff' + text);
    assert.equal(readTextFile(file('be.json', be)).text, '\ufeff' + text);
  });

  it('says why not for UTF-16 without a BOM, cut-off UTF-16 and UTF-32', () => {
    assert.throws(() => readTextFile(file('nobom.json', Buffer.from('{"gpu": 1}', 'utf16le'))), message(/looks like UTF-16 without a byte order mark/));
    assert.throws(() => readTextFile(file('cut.json', Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x22]))), message(/starts as UTF-16 but is not valid UTF-16/));
    assert.throws(() => readTextFile(file('u32.json', Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]))), message(/is in UTF-32/));
    assert.throws(() => readTextFile(file('u32be.json', Buffer.from([0, 0, 0xfe, 0xff, 0, 0, 0, 0x7b]))), message(/is in UTF-32/));
  });

  it('reports invalid UTF-8 with its byte, line and column instead of replacing it', () => {
    const bytes = Buffer.concat([Buffer.from('{\n  "projectTitle": "과제'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n}')]);
    assert.throws(
      () => readTextFile(file('bad.json', bytes), { display: 'bad.json' }),
      message(/^bad\.json is not valid UTF-8: byte 27 \(line 2, column 22\)/),
    );
  });

  it('finds the first byte that is not UTF-8: overlong forms, surrogates, beyond U+10FFFF, cut-off, stray continuation bytes', () => {
    const at = (...bytes: number[]) => firstInvalidUtf8(Uint8Array.from(bytes));
    assert.equal(at(...Buffer.from('가나다 abc 🚀')), -1);
    assert.equal(at(0x41, 0xc0, 0x80), 1); // overlong NUL
    assert.equal(at(0xe0, 0x80, 0x80), 0); // overlong
    assert.equal(at(0x41, 0xed, 0xa0, 0x80), 1); // a UTF-16 surrogate
    assert.equal(at(0xf4, 0x90, 0x80, 0x80), 0); // beyond U+10FFFF
    assert.equal(at(0x41, 0x42, 0xea, 0xb0), 2); // cut off at the end
    assert.equal(at(0x80), 0); // continuation byte alone
    assert.equal(at(0xea, 0xb0, 0x41), 0); // a sequence broken inside
    assert.equal(at(0xf5, 0x80, 0x80, 0x80), 0);
    // The decoder agrees: whatever this calls valid, TextDecoder decodes without replacement.
    assert.equal(decodeText(Uint8Array.from(Buffer.from('가나다')), 'x'), '가나다');
  });

  it('refuses a FIFO at once, without waiting for a writer', function () {
    if (process.platform === 'win32') this.skip();
    const fifo = path.join(dir, 'plan.gpuplan.json');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const started = Date.now();
    assert.throws(() => readTextFile(fifo, { display: 'plan.gpuplan.json' }), message(/^plan\.gpuplan\.json is a named pipe \(FIFO\), not a regular file/));
    assert.ok(Date.now() - started < 1000);
  });

  it('refuses devices (/dev/zero, /dev/null) and folders', function () {
    if (process.platform === 'win32') this.skip();
    assert.throws(() => readTextFile('/dev/zero'), message(/\/dev\/zero is a device, not a regular file/));
    assert.throws(() => readTextFile('/dev/null'), message(/is a device/));
    assert.throws(() => readTextFile(dir, { display: 'plans' }), message(/^plans is a folder, not a plan file\./));
  });

  it(`refuses a file beyond the size limit (${MAX_PLAN_BYTES / 2 ** 20} MB), before reading it, and a file that grows beyond it while read`, function () {
    const big = path.join(dir, 'big.json');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, MAX_PLAN_BYTES + 1); // sparse: no 32 MB written to the disk
    assert.throws(() => readTextFile(big, { display: 'big.json' }), message(/^big\.json is larger than 32 MB, the most gpuplan reads/));
    const limit = file('limit.json', 'x'.repeat(100));
    assert.equal(readTextFile(limit, { maxBytes: 100 }).text.length, 100);
    assert.throws(() => readTextFile(file('over.json', 'x'.repeat(101)), { maxBytes: 100 }), message(/larger than/));
    // /proc files claim to be empty; the limit holds while reading all the same.
    if (fs.existsSync('/proc/self/status')) assert.throws(() => readTextFile('/proc/self/status', { maxBytes: 16 }), message(/larger than/));
  });

  it('names what went wrong on reading: not found, permission denied, an I/O error — never a stack trace', () => {
    assert.throws(() => readTextFile(path.join(dir, 'none.json'), { display: 'none.json' }), message(/^File not found: none\.json$/));
    assert.throws(() => readTextFile(path.join(dir, 'f', 'x.json'), { display: 'f/x.json' }), message(/^File not found: f\/x\.json$/));
    const plan = file('p.json', '{}');
    assert.throws(
      () =>
        readTextFile(plan, {
          display: 'p.json',
          fs: withCall('openSync', () => {
            throw errno('EACCES', 'open');
          }),
        }),
      message(/^Cannot read p\.json: permission denied\.$/),
    );
    assert.throws(
      () =>
        readTextFile(plan, {
          display: 'p.json',
          fs: withCall('readSync', () => {
            throw errno('EIO', 'read');
          }),
        }),
      message(/^Cannot read p\.json: an input\/output error of the disk\.$/),
    );
    file('notdir', 'x');
    assert.throws(
      () => readTextFile(path.join(dir, 'notdir', 'x.json'), { display: 'notdir/x.json' }),
      message(/^Cannot read notdir\/x\.json: a part of the path is a file, not a folder\.$/),
    );
  });

  it('escapes control characters of a file name in its messages', () => {
    assert.throws(
      () => readTextFile(path.join(dir, 'a\u001b[2Jb\u202e.json'), { display: 'a\u001b[2Jb\u202e.json' }),
      message(/^File not found: a\\u001b\[2Jb\\u202e\.json$/),
    );
  });
});

describe('file safety: writing an export', () => {
  let dir: string;
  const bytes = new TextEncoder().encode('the export');
  before(() => {
    l10n.config({ contents: {} });
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-files-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const at = (...parts: string[]) => path.join(dir, ...parts);
  /** What is in the folder besides `keep`: no temporary file may be left. */
  const leftovers = (folder = dir) => fs.readdirSync(folder).filter((n) => n.endsWith('.tmp'));
  const planIdentity = (file: string) => readTextFile(file).identity;

  it('writes a new file, making its folders, and leaves no temporary file', () => {
    const written = writeFileSafely(at('out', 'deep', 'plan.docx'), bytes);
    assert.equal(written, at('out', 'deep', 'plan.docx'));
    assert.equal(fs.readFileSync(written, 'utf8'), 'the export');
    assert.deepEqual(leftovers(at('out', 'deep')), []);
    assert.equal(pendingTemporaryFileCount(), 0);
  });

  it('never replaces an existing file without overwrite; with it, replaces it atomically and keeps its mode', function () {
    fs.writeFileSync(at('x.docx'), 'keep me', { mode: 0o640 });
    fs.chmodSync(at('x.docx'), 0o640);
    assert.throws(() => writeFileSafely(at('x.docx'), bytes, { display: 'x.docx' }), message(/^x\.docx already exists\. Add --overwrite to replace it\.$/));
    assert.equal(fs.readFileSync(at('x.docx'), 'utf8'), 'keep me');
    const before = fs.statSync(at('x.docx'));
    writeFileSafely(at('x.docx'), bytes, { overwrite: true });
    const after = fs.statSync(at('x.docx'));
    assert.equal(fs.readFileSync(at('x.docx'), 'utf8'), 'the export');
    assert.notEqual(after.ino, before.ino, 'a new file renamed over the old one, not the old one truncated');
    if (process.platform !== 'win32') assert.equal(after.mode & 0o777, 0o640);
    assert.deepEqual(leftovers(), []);
  });

  it('recognises the plan under any name: the path itself, a hard link, a folder link (here -> .), a file link', function () {
    if (process.platform === 'win32') this.skip();
    fs.writeFileSync(at('plan.gpuplan.json'), '{}');
    const protect = [planIdentity(at('plan.gpuplan.json'))];
    fs.linkSync(at('plan.gpuplan.json'), at('hard.json'));
    fs.symlinkSync('.', at('here'));
    fs.symlinkSync('plan.gpuplan.json', at('link.json'));
    for (const name of ['plan.gpuplan.json', 'hard.json', path.join('here', 'plan.gpuplan.json'), path.join('here', 'here', 'hard.json')]) {
      assert.throws(
        () => writeFileSafely(at(name), bytes, { overwrite: true, protect, display: name }),
        message(/is the plan itself \(under another name\)/),
        name,
      );
    }
    assert.throws(() => writeFileSafely(at('link.json'), bytes, { overwrite: true, followSymlinks: true, protect }), message(/is the plan itself/));
    assert.equal(fs.readFileSync(at('plan.gpuplan.json'), 'utf8'), '{}');
    assert.deepEqual(leftovers(), []);
  });

  it('recognises the plan on a case-insensitive file system (PLAN.json is plan.json: the same inode)', () => {
    fs.writeFileSync(at('plan.gpuplan.json'), '{}');
    const protect = [planIdentity(at('plan.gpuplan.json'))];
    // What a case-insensitive file system answers for another case of the name: the same file.
    const caseless = (name: string) => (name.toLowerCase() === at('plan.gpuplan.json').toLowerCase() ? at('plan.gpuplan.json') : name);
    const insensitive: FileSystem = {
      ...fs,
      lstatSync: ((p: string, o?: fs.StatOptions) => fs.lstatSync(caseless(p), o)) as FileSystem['lstatSync'],
      statSync: ((p: string, o?: fs.StatOptions) => fs.statSync(caseless(p), o)) as FileSystem['statSync'],
      realpathSync: ((p: string) => fs.realpathSync(caseless(p))) as FileSystem['realpathSync'],
    };
    assert.throws(() => writeFileSafely(at('PLAN.GPUPLAN.JSON'), bytes, { overwrite: true, protect, fs: insensitive }), message(/is the plan itself/));
    assert.equal(fs.readFileSync(at('plan.gpuplan.json'), 'utf8'), '{}');
  });

  it('refuses folders, FIFOs and devices as targets, even with overwrite (and never opens them)', function () {
    if (process.platform === 'win32') this.skip();
    fs.mkdirSync(at('folder.docx'));
    assert.throws(
      () => writeFileSafely(at('folder.docx'), bytes, { overwrite: true, display: 'folder.docx' }),
      message(/^folder\.docx is a folder; name a file to write with -o\.$/),
    );
    assert.equal(spawnSync('mkfifo', [at('fifo.docx')]).status, 0);
    assert.throws(
      () => writeFileSafely(at('fifo.docx'), bytes, { overwrite: true, display: 'fifo.docx' }),
      message(/^fifo\.docx is a named pipe \(FIFO\), not a regular file: an export never replaces it, even with --overwrite\./),
    );
    assert.ok(fs.lstatSync(at('fifo.docx')).isFIFO(), 'the FIFO is still there');
    assert.throws(() => writeFileSafely('/dev/null', bytes, { overwrite: true }), message(/is a device, not a regular file/));
    assert.deepEqual(leftovers(), []);
  });

  it('refuses a symbolic link unless asked to write through it; then writes the file it points to, and the link stays', function () {
    if (process.platform === 'win32') this.skip();
    fs.writeFileSync(at('real.docx'), 'old');
    fs.symlinkSync('real.docx', at('link.docx'));
    assert.throws(
      () => writeFileSafely(at('link.docx'), bytes, { overwrite: true, display: 'link.docx' }),
      message(/^link\.docx is a symbolic link \(to real\.docx\)\. Nothing was written: add --follow-symlinks/),
    );
    assert.equal(fs.readFileSync(at('real.docx'), 'utf8'), 'old');
    // Through the link, the file it points to is an existing file: it still needs overwrite.
    assert.throws(() => writeFileSafely(at('link.docx'), bytes, { followSymlinks: true, display: 'link.docx' }), message(/already exists/));
    assert.equal(writeFileSafely(at('link.docx'), bytes, { followSymlinks: true, overwrite: true }), at('real.docx'));
    assert.equal(fs.readFileSync(at('real.docx'), 'utf8'), 'the export');
    assert.ok(fs.lstatSync(at('link.docx')).isSymbolicLink());
    // A dangling link makes the file it names; a link to a device is refused; a loop is named.
    fs.symlinkSync(path.join('sub', 'new.docx'), at('dangling.docx'));
    assert.equal(writeFileSafely(at('dangling.docx'), bytes, { followSymlinks: true }), at('sub', 'new.docx'));
    fs.symlinkSync('/dev/null', at('null.docx'));
    assert.throws(() => writeFileSafely(at('null.docx'), bytes, { followSymlinks: true, overwrite: true }), message(/is a device/));
    fs.symlinkSync('loop2.docx', at('loop1.docx'));
    fs.symlinkSync('loop1.docx', at('loop2.docx'));
    assert.throws(
      () => writeFileSafely(at('loop1.docx'), bytes, { followSymlinks: true, display: 'loop1.docx' }),
      message(/^Cannot write loop1\.docx: too many symbolic links/),
    );
    assert.deepEqual(leftovers(), []);
  });

  it('creates the temporary file exclusively with a random name: a link planted at that name is not followed', function () {
    if (process.platform === 'win32') this.skip();
    fs.writeFileSync(at('victim'), 'do not touch');
    const tried: string[] = [];
    const planting = withCall('openSync', ((p: fs.PathLike, flags: number, mode?: number) => {
      const name = String(p);
      if (name.endsWith('.tmp') && tried.length === 0) {
        tried.push(name);
        fs.symlinkSync(at('victim'), name); // an attacker who guessed the name
      }
      return fs.openSync(p, flags, mode);
    }) as FileSystem['openSync']);
    writeFileSafely(at('plan.docx'), bytes, { fs: planting });
    assert.equal(fs.readFileSync(at('victim'), 'utf8'), 'do not touch');
    assert.equal(fs.readFileSync(at('plan.docx'), 'utf8'), 'the export');
    assert.match(path.basename(tried[0]), /^\.plan\.docx\.[0-9a-f]{12}\.tmp$/);
    fs.unlinkSync(tried[0]); // the planted link
    assert.deepEqual(leftovers(), []);
  });

  it('publishes a new file without clobbering: when another export gets there first, it keeps its file and this one says so', () => {
    const rival = () => {
      fs.writeFileSync(at('plan.docx'), 'the other export');
    };
    assert.throws(
      () => writeFileSafely(at('plan.docx'), bytes, { display: 'plan.docx', beforePublish: rival }),
      message(/^plan\.docx appeared while the export was being written \(another export\?\)/),
    );
    assert.equal(fs.readFileSync(at('plan.docx'), 'utf8'), 'the other export');
    assert.deepEqual(leftovers(), []);
  });

  it('without hard links (FAT, some shares): claims the name exclusively and renames over its claim — still no clobbering', () => {
    const noLinks = withCall('linkSync', () => {
      throw errno('EPERM', 'link');
    });
    writeFileSafely(at('a.docx'), bytes, { fs: noLinks });
    assert.equal(fs.readFileSync(at('a.docx'), 'utf8'), 'the export');
    assert.throws(
      () =>
        writeFileSafely(at('b.docx'), bytes, {
          fs: noLinks,
          display: 'b.docx',
          beforePublish: () => {
            fs.writeFileSync(at('b.docx'), 'first');
          },
        }),
      message(/appeared while the export was being written/),
    );
    assert.equal(fs.readFileSync(at('b.docx'), 'utf8'), 'first');
    assert.deepEqual(leftovers(), []);
  });

  it('a full disk (ENOSPC), a quota, a read-only or failing disk: a sentence, no temporary file, the old file intact', () => {
    fs.writeFileSync(at('x.docx'), 'keep me');
    const cases: Array<[string, RegExp]> = [
      ['ENOSPC', /the disk is full/],
      ['EDQUOT', /the disk quota is used up/],
      ['EIO', /an input\/output error of the disk/],
      ['EFBIG', /too large for the file system/],
    ];
    for (const [code, pattern] of cases) {
      const failing = withCall('writeSync', () => {
        throw errno(code, 'write');
      });
      for (const [name, overwrite] of [
        ['x.docx', true],
        ['new.docx', false],
      ] as const) {
        assert.throws(
          () => writeFileSafely(at(name), bytes, { overwrite, fs: failing, display: name }),
          (e: unknown) => message(new RegExp(`^Cannot write ${name.replace('.', '\\.')}: `))(e) && pattern.test((e as Error).message),
          code,
        );
      }
      assert.equal(fs.readFileSync(at('x.docx'), 'utf8'), 'keep me');
      assert.equal(fs.existsSync(at('new.docx')), false);
      assert.deepEqual(leftovers(), [], code);
    }
    // A disk that fills up is also reported by fsync and close (delayed allocation, NFS).
    for (const call of ['fsyncSync', 'closeSync'] as const) {
      let first = true;
      const failing = withCall(call, (fd: number) => {
        if (first) {
          first = false;
          throw errno('ENOSPC', call);
        }
        fs[call](fd);
      });
      assert.throws(
        () => writeFileSafely(at('late.docx'), bytes, { fs: failing, display: 'late.docx' }),
        message(/^Cannot write late\.docx: the disk is full\.$/),
        call,
      );
      assert.equal(fs.existsSync(at('late.docx')), false);
      assert.deepEqual(leftovers(), [], call);
    }
    // Read-only and permission denied where the temporary file is created.
    for (const [code, pattern] of [
      ['EROFS', /read-only/],
      ['EACCES', /permission denied/],
    ] as const) {
      const refusing = withCall('openSync', () => {
        throw errno(code, 'open');
      });
      assert.throws(
        () => writeFileSafely(at('ro.docx'), bytes, { fs: refusing }),
        (e: unknown) => e instanceof FileError && pattern.test(e.message),
      );
    }
  });

  it('a file in the output path (ENOTDIR), a folder it cannot make (EACCES): a sentence naming the file', () => {
    fs.writeFileSync(at('plan.docx'), 'a file');
    assert.throws(
      () => writeFileSafely(at('plan.docx', 'x.docx'), bytes, { display: 'plan.docx/x.docx' }),
      message(/^Cannot write plan\.docx\/x\.docx: a part of the path is a file, not a folder\.$/),
    );
    assert.throws(
      () => writeFileSafely(at('plan.docx', 'sub', 'x.docx'), bytes, { display: 'plan.docx/sub/x.docx' }),
      message(/a part of the path is a file, not a folder/),
    );
    const noMkdir = withCall('mkdirSync', () => {
      throw errno('EACCES', 'mkdir');
    });
    assert.throws(
      () => writeFileSafely(at('new', 'x.docx'), bytes, { fs: noMkdir, display: 'new/x.docx' }),
      message(/^Cannot make the folder for new\/x\.docx: permission denied\.$/),
    );
  });

  it("an interrupted export removes its temporary file (what the CLI's signal handler calls)", () => {
    let seen: string[] = [];
    const interrupted = withCall('writeSync', () => {
      seen = leftovers();
      assert.equal(pendingTemporaryFileCount(), 1);
      removePendingTemporaryFiles(); // Ctrl-C arrives here
      throw errno('EINTR', 'write');
    });
    assert.throws(() => writeFileSafely(at('i.docx'), bytes, { fs: interrupted }), FileError);
    assert.equal(seen.length, 1, 'the temporary file existed while it was written');
    assert.deepEqual(leftovers(), []);
    assert.equal(pendingTemporaryFileCount(), 0);
    assert.equal(fs.existsSync(at('i.docx')), false);
  });
});
