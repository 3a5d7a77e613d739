/**
 * File safety for the command line: how a plan is read and how an export is written, so that no
 * file is ever destroyed and every problem is a sentence, never a stack trace.
 *
 * Reading (`readTextFile`):
 * - only regular files: a FIFO, a device or a socket is refused at once (the file is opened
 *   non-blocking and checked on the open descriptor, so a FIFO with no writer cannot hang us);
 * - at most `MAX_PLAN_BYTES`, checked before reading and while reading (a file that grows, or a
 *   /proc file that claims to be empty, cannot fill the memory);
 * - UTF-8 (with or without a BOM) and UTF-16 with a BOM are decoded strictly; invalid UTF-8 is
 *   reported with its line and column, never replaced by U+FFFD; UTF-32 and UTF-16 without a
 *   BOM are named and refused.
 *
 * Writing (`writeFileSafely`):
 * - the target must be absent or a regular file (with `--overwrite`); a folder, FIFO, device or
 *   socket is never replaced, and a symbolic link is written through (to the file it points
 *   to) only with `--follow-symlinks`;
 * - a file that is the plan under another name — a hard link, a symbolic link, a folder link
 *   such as `here -> .`, another case on a case-insensitive file system — is recognised by its
 *   device and inode (by its real path where the file system has no inodes) and refused;
 * - the bytes go to a temporary file created exclusively (O_EXCL, O_NOFOLLOW where there is one)
 *   with a random name in the target's folder, and are synced to disk;
 * - the last step never replaces what it should not: a new file is published with an exclusive
 *   hard link (two exports to the same new name: exactly one wins, the other is told), or where
 *   the file system has no hard links, by claiming the name exclusively and renaming over the
 *   claim; `--overwrite` renames over the old file atomically (readers see the old or the new
 *   file, never half of one);
 * - the temporary file is removed on every failure and, through `removePendingTemporaryFiles`,
 *   when the export is interrupted.
 *
 * Every file-system error becomes a `FileError` naming the file, what was being done and why
 * (permission denied, disk full, a file where a folder should be, …); the CLI prints it and
 * exits 2.
 */
import * as l10n from '@vscode/l10n';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { printable } from './report';

/** The largest plan the CLI reads: a real plan is well under 1 MB; the pathological tests go to 10 MB. */
export const MAX_PLAN_BYTES = 32 * 1024 * 1024;

/** A file that cannot be read or written, in words for the user (exit 2). */
export class FileError extends Error {
  constructor(
    message: string,
    /** The errno code behind it, when there is one (ENOENT, EACCES, ENOSPC, …). */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'FileError';
  }
}

/** The parts of `node:fs` this module uses: tests replace one to inject ENOSPC, EACCES or EIO. */
export type FileSystem = Pick<
  typeof fs,
  | 'openSync'
  | 'closeSync'
  | 'readSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'fstatSync'
  | 'fchmodSync'
  | 'lstatSync'
  | 'statSync'
  | 'readlinkSync'
  | 'realpathSync'
  | 'mkdirSync'
  | 'linkSync'
  | 'renameSync'
  | 'unlinkSync'
>;

const errnoOf = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

/** A file name as the terminal may show it (no control or bidirectional characters raw). */
const shown = printable;

/** An open flag, or 0 where the platform has none (Windows has no O_NONBLOCK or O_NOFOLLOW). */
const openFlag = (name: 'O_NONBLOCK' | 'O_NOFOLLOW'): number => (fs.constants as Partial<Record<string, number>>)[name] ?? 0;

/** Why an operation failed, in words. */
function reason(code: string | undefined, fallback: string): string {
  switch (code) {
    case 'ENOENT':
      return l10n.t('it does not exist');
    case 'EACCES':
    case 'EPERM':
      return l10n.t('permission denied');
    case 'ENOSPC':
      return l10n.t('the disk is full');
    case 'EDQUOT':
      return l10n.t('the disk quota is used up');
    case 'EROFS':
      return l10n.t('the file system is read-only');
    case 'ENOTDIR':
      return l10n.t('a part of the path is a file, not a folder');
    case 'EISDIR':
      return l10n.t('it is a folder');
    case 'ENAMETOOLONG':
      return l10n.t('the name is too long');
    case 'ELOOP':
      return l10n.t('too many symbolic links (a loop?)');
    case 'EMFILE':
    case 'ENFILE':
      return l10n.t('too many files are open');
    case 'EFBIG':
      return l10n.t('the file is too large for the file system');
    case 'EIO':
      return l10n.t('an input/output error of the disk');
    case 'EBUSY':
    case 'ETXTBSY':
      return l10n.t('the file is in use');
    case 'ENXIO':
    case 'ENODEV':
      return l10n.t('it is not a file that can be opened (a socket or a device?)');
    default:
      return code ? `${code}: ${fallback}` : fallback;
  }
}

/** A file-system error as a FileError: "Cannot write out/plan.pdf: the disk is full." */
export function fileError(action: 'read' | 'write' | 'folder', file: string, error: unknown): FileError {
  if (error instanceof FileError) return error;
  const code = errnoOf(error);
  const detail = reason(code, error instanceof Error ? error.message : String(error));
  const name = shown(file);
  const message =
    action === 'read'
      ? l10n.t('Cannot read {0}: {1}.', name, detail)
      : action === 'write'
        ? l10n.t('Cannot write {0}: {1}.', name, detail)
        : l10n.t('Cannot make the folder for {0}: {1}.', name, detail);
  return new FileError(message, code);
}

/** What a file is, for messages: "a named pipe (FIFO)", "a device", … */
function kindOf(stat: fs.Stats | fs.BigIntStats): string {
  if (stat.isDirectory()) return l10n.t('a folder');
  if (stat.isFIFO()) return l10n.t('a named pipe (FIFO)');
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return l10n.t('a device');
  if (stat.isSocket()) return l10n.t('a socket');
  if (stat.isSymbolicLink()) return l10n.t('a symbolic link');
  return l10n.t('not a regular file');
}

/** Who a file is: device and inode, and its real path for file systems without inodes. */
export interface FileIdentity {
  readonly dev: bigint;
  readonly ino: bigint;
  readonly realPath: string;
}

/** Whether two names are one file. */
function sameFile(stat: fs.BigIntStats, realPath: string, other: FileIdentity): boolean {
  if (stat.ino !== 0n && other.ino !== 0n) return stat.dev === other.dev && stat.ino === other.ino;
  // No inode numbers (some network and FAT file systems): compare real paths, ignoring case where names do.
  const fold = process.platform === 'win32' || process.platform === 'darwin' ? (p: string) => p.normalize('NFC').toLowerCase() : (p: string) => p;
  return fold(realPath) === fold(other.realPath);
}

function realPathOf(file: string, fsys: FileSystem): string {
  try {
    return fsys.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** A text file as read: its text and who it is. */
export interface TextFile {
  readonly text: string;
  readonly identity: FileIdentity;
}

/** The byte offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const c = bytes[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) low = 0xa0; // overlong
      if (c === 0xed) high = 0x9f; // UTF-16 surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) low = 0x90; // overlong
      if (c === 0xf4) high = 0x8f; // beyond U+10FFFF
    } else return i;
    if (i + need >= n) return i; // cut off at the end
    if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (let k = 2; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/** Line and column (1-based) of a byte offset in valid UTF-8 before it. */
function lineColumnAt(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lines = before.split(/\r\n|\r|\n/);
  // Columns in UTF-16 code units, as VS Code counts them.
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** The text of a file's bytes: UTF-8 (BOM kept, as the editor's analysis expects) or UTF-16 with a BOM. */
export function decodeText(bytes: Uint8Array, file: string): string {
  const name = shown(file);
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    throw new FileError(l10n.t('{0} is in UTF-32, which gpuplan does not read. Save it as UTF-8.', name));
  }
  const utf16 = b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new FileError(l10n.t('{0} starts as UTF-16 but is not valid UTF-16 (a cut-off file?). Save it as UTF-8.', name));
    }
  }
  // UTF-16 without a BOM: ASCII characters with a zero byte beside each.
  if (bytes.length >= 8) {
    const pairs = [0, 2, 4, 6].map((i) => [bytes[i], bytes[i + 1]]);
    if (pairs.every(([a, b]) => a !== 0 && a < 0x80 && b === 0) || pairs.every(([a, b]) => a === 0 && b !== 0 && b < 0x80)) {
      throw new FileError(
        l10n.t('{0} looks like UTF-16 without a byte order mark, which cannot be read safely. Save it as UTF-8 (or as UTF-16 with a BOM).', name),
      );
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const { line, column } = lineColumnAt(bytes, Math.max(0, offset));
    throw new FileError(
      l10n.t(
        '{0} is not valid UTF-8: byte {1} (line {2}, column {3}) is not part of any character. Save the file as UTF-8; nothing was replaced or guessed.',
        name,
        Math.max(0, offset),
        line,
        column,
      ),
    );
  }
}

/**
 * Reads a text file: a regular file of at most `maxBytes`, decoded strictly. `display` is the name
 * as the user wrote it, for messages.
 */
export function readTextFile(file: string, options: { readonly display?: string; readonly maxBytes?: number; readonly fs?: FileSystem } = {}): TextFile {
  const fsys = options.fs ?? fs;
  const display = options.display ?? file;
  const maxBytes = options.maxBytes ?? MAX_PLAN_BYTES;
  let fd: number;
  try {
    // Non-blocking: opening a FIFO that nobody writes to would otherwise wait for ever.
    fd = fsys.openSync(file, fs.constants.O_RDONLY | openFlag('O_NONBLOCK'));
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') throw new FileError(l10n.t('File not found: {0}', shown(display)), 'ENOENT');
    if (errnoOf(error) === 'EISDIR') throw new FileError(l10n.t('{0} is a folder, not a plan file.', shown(display)), 'EISDIR');
    throw fileError('read', display, error);
  }
  try {
    let stat: fs.BigIntStats;
    try {
      stat = fsys.fstatSync(fd, { bigint: true });
    } catch (error) {
      throw fileError('read', display, error);
    }
    if (stat.isDirectory()) throw new FileError(l10n.t('{0} is a folder, not a plan file.', shown(display)), 'EISDIR');
    if (!stat.isFile()) throw new FileError(l10n.t('{0} is {1}, not a regular file: gpuplan reads only regular files.', shown(display), kindOf(stat)));
    const tooLarge = () =>
      new FileError(
        l10n.t(
          '{0} is larger than {1} MB, the most gpuplan reads (a plan is usually well under 1 MB). Nothing was read.',
          shown(display),
          Math.round(maxBytes / (1024 * 1024)),
        ),
        'EFBIG',
      );
    if (stat.size > BigInt(maxBytes)) throw tooLarge();
    // Read to the end, never beyond the limit: the size a file claims (0 for /proc files) is not trusted.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes + 1 - total));
      let read: number;
      try {
        read = fsys.readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        throw fileError('read', display, error);
      }
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) throw tooLarge();
    }
    const text = decodeText(Buffer.concat(chunks, total), display);
    return { text, identity: { dev: stat.dev, ino: stat.ino, realPath: realPathOf(file, fsys) } };
  } finally {
    try {
      fsys.closeSync(fd);
    } catch {
      // nothing to do
    }
  }
}

/** Temporary files being written now: an interrupted export removes them. */
const pendingTemporaryFiles = new Set<string>();

/** Removes the temporary files of exports in progress (on Ctrl-C, SIGTERM, SIGHUP). */
export function removePendingTemporaryFiles(fsys: Pick<FileSystem, 'unlinkSync'> = fs): void {
  for (const file of pendingTemporaryFiles) {
    try {
      fsys.unlinkSync(file);
    } catch {
      // gone already
    }
    pendingTemporaryFiles.delete(file);
  }
}

/** The temporary files of exports in progress (tests). */
export const pendingTemporaryFileCount = (): number => pendingTemporaryFiles.size;

export interface WriteOptions {
  /** Replace an existing regular file. */
  readonly overwrite?: boolean;
  /** Write to the file a symbolic link points to, instead of refusing the link. */
  readonly followSymlinks?: boolean;
  /** Files that must never be replaced, whatever name reaches them (the plan). */
  readonly protect?: readonly FileIdentity[];
  /** The target as the user wrote it, for messages. */
  readonly display?: string;
  readonly fs?: FileSystem;
  /** Called between writing the temporary file and publishing it (tests: a rival export gets there first). */
  readonly beforePublish?: () => void;
}

/** Hard links are not available on this file system: publish another way. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV', 'EINVAL']);

const MAX_LINKS = 40;

/** What is at a path now: its lstat, or undefined when nothing is. */
function lstatOrNothing(file: string, display: string, fsys: FileSystem): fs.BigIntStats | undefined {
  try {
    return fsys.lstatSync(file, { bigint: true });
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined;
    throw fileError('write', display, error);
  }
}

/** Where a symbolic link finally points (the last link's target, which may not exist yet). */
function resolveLinks(file: string, display: string, fsys: FileSystem): string {
  let current = file;
  for (let i = 0; i < MAX_LINKS; i++) {
    const stat = lstatOrNothing(current, display, fsys);
    if (!stat?.isSymbolicLink()) return current;
    let target: string;
    try {
      target = fsys.readlinkSync(current);
    } catch (error) {
      throw fileError('write', display, error);
    }
    // From the link's real folder, as the kernel resolves it (".." after a folder link is physical).
    current = path.resolve(realPathOf(path.dirname(current), fsys), target);
  }
  throw fileError('write', display, Object.assign(new Error('ELOOP'), { code: 'ELOOP' }));
}

/** Refuses what is at `file` unless it may be replaced; says whether there is a file to replace. */
function checkTarget(file: string, options: WriteOptions, display: string, fsys: FileSystem): fs.BigIntStats | undefined {
  const stat = lstatOrNothing(file, display, fsys);
  if (!stat) return undefined;
  const name = shown(display);
  if (stat.isDirectory()) throw new FileError(l10n.t('{0} is a folder; name a file to write with -o.', name), 'EISDIR');
  if (!stat.isFile())
    throw new FileError(l10n.t('{0} is {1}, not a regular file: an export never replaces it, even with --overwrite. Nothing was written.', name, kindOf(stat)));
  const real = realPathOf(file, fsys);
  if ((options.protect ?? []).some((identity) => sameFile(stat, real, identity))) {
    throw new FileError(l10n.t('The output {0} is the plan itself (under another name); choose another file with -o.', name));
  }
  if (!options.overwrite) throw new FileError(l10n.t('{0} already exists. Add --overwrite to replace it.', name), 'EEXIST');
  return stat;
}

/** A name for the temporary file beside the target: hidden, random, and short enough for any file system. */
function temporaryName(dir: string, base: string): string {
  const stem = base.length > 80 ? base.slice(0, 80) : base;
  return path.join(dir, `.${stem}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Creates the temporary file exclusively (never through a planted link) and writes and syncs the bytes. */
function writeTemporary(dir: string, base: string, bytes: Uint8Array, mode: number | undefined, display: string, fsys: FileSystem): string {
  const flags = fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | openFlag('O_NOFOLLOW');
  for (let attempt = 0; ; attempt++) {
    const temporary = temporaryName(dir, base);
    let fd: number;
    try {
      fd = fsys.openSync(temporary, flags, 0o666);
    } catch (error) {
      if (errnoOf(error) === 'EEXIST' && attempt < 8) continue;
      throw fileError('write', display, error);
    }
    pendingTemporaryFiles.add(temporary);
    try {
      let written = 0;
      while (written < bytes.length) written += fsys.writeSync(fd, bytes, written, bytes.length - written);
      if (mode !== undefined) {
        try {
          fsys.fchmodSync(fd, mode);
        } catch {
          // keep the default mode
        }
      }
      try {
        fsys.fsyncSync(fd);
      } catch (error) {
        // Some file systems cannot sync; a full or failing disk is still an error.
        if (!['EINVAL', 'ENOTSUP', 'EOPNOTSUPP'].includes(errnoOf(error) ?? '')) throw error;
      }
    } catch (error) {
      try {
        fsys.closeSync(fd);
      } catch {
        // the error that matters is the first
      }
      discard(temporary, fsys);
      throw fileError('write', display, error);
    }
    try {
      fsys.closeSync(fd);
    } catch (error) {
      // close reports delayed write errors (NFS, ENOSPC)
      discard(temporary, fsys);
      throw fileError('write', display, error);
    }
    return temporary;
  }
}

function discard(temporary: string, fsys: FileSystem): void {
  try {
    fsys.unlinkSync(temporary);
  } catch {
    // gone already
  }
  pendingTemporaryFiles.delete(temporary);
}

/** Makes the target's folder (and its parents), explaining a file in the way. */
function makeFolder(dir: string, display: string, fsys: FileSystem): void {
  try {
    fsys.mkdirSync(dir, { recursive: true });
  } catch (error) {
    // mkdir -p through a file says EEXIST on some systems, ENOTDIR on others.
    const code = errnoOf(error) === 'EEXIST' ? 'ENOTDIR' : errnoOf(error);
    throw fileError('folder', display, Object.assign(new Error(String(code)), { code }));
  }
}

/** Publishes the temporary file under the new name, never replacing a file that appeared meanwhile. */
function publishNew(temporary: string, file: string, display: string, fsys: FileSystem): void {
  const raced = () =>
    new FileError(
      l10n.t('{0} appeared while the export was being written (another export?). It was left as it is; add --overwrite to replace it.', shown(display)),
      'EEXIST',
    );
  try {
    fsys.linkSync(temporary, file);
    discard(temporary, fsys);
    return;
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') throw raced();
    if (!NO_HARD_LINKS.has(errnoOf(error) ?? '')) throw fileError('write', display, error);
  }
  // No hard links here (FAT, some network shares): claim the name exclusively, then rename over our own claim.
  let claim: number;
  try {
    claim = fsys.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | openFlag('O_NOFOLLOW'), 0o666);
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') throw raced();
    throw fileError('write', display, error);
  }
  fsys.closeSync(claim);
  try {
    fsys.renameSync(temporary, file);
  } catch (error) {
    try {
      fsys.unlinkSync(file); // our empty claim
    } catch {
      // nothing more to do
    }
    throw fileError('write', display, error);
  }
  pendingTemporaryFiles.delete(temporary);
}

function syncFolder(dir: string, fsys: FileSystem): void {
  if (process.platform === 'win32') return;
  try {
    const fd = fsys.openSync(dir, fs.constants.O_RDONLY);
    try {
      fsys.fsyncSync(fd);
    } finally {
      fsys.closeSync(fd);
    }
  } catch {
    // not every file system syncs folders
  }
}

/** The file a write goes to (a followed link's target) and what is there now, refused when it must not be replaced. */
function resolveTarget(target: string, options: WriteOptions, fsys: FileSystem): { file: string; existing?: fs.BigIntStats } {
  const display = options.display ?? target;
  let file = target;
  const first = lstatOrNothing(file, display, fsys);
  if (first?.isSymbolicLink()) {
    if (!options.followSymlinks) {
      let to = '';
      try {
        to = fsys.readlinkSync(file);
      } catch {
        // say it without the target
      }
      throw new FileError(
        l10n.t('{0} is a symbolic link (to {1}). Nothing was written: add --follow-symlinks to write to the file it points to.', shown(display), shown(to)),
      );
    }
    file = resolveLinks(file, display, fsys);
  }
  const existing = checkTarget(file, options, display, fsys);
  return existing ? { file, existing } : { file };
}

/** The refusals of `writeFileSafely`, before anything is made (so a long PDF export is not made for nothing). */
export function checkWriteTarget(target: string, options: WriteOptions = {}): void {
  resolveTarget(target, options, options.fs ?? fs);
}

/**
 * Writes `bytes` to `target` (an absolute path) as described at the top of this file. Returns
 * the path that was written (the file a followed link points to).
 */
export function writeFileSafely(target: string, bytes: Uint8Array, options: WriteOptions = {}): string {
  const fsys = options.fs ?? fs;
  const display = options.display ?? target;
  const { file, existing } = resolveTarget(target, options, fsys);
  const dir = path.dirname(file);
  makeFolder(dir, display, fsys);
  const mode = existing ? Number(existing.mode & 0o7777n) : undefined;
  const temporary = writeTemporary(dir, path.basename(file), bytes, mode, display, fsys);
  try {
    options.beforePublish?.();
    if (options.overwrite) {
      // Look again just before: what is there now must still be absent or a regular file that is not the plan.
      checkTarget(file, options, display, fsys);
      try {
        fsys.renameSync(temporary, file);
      } catch (error) {
        throw fileError('write', display, error);
      }
      pendingTemporaryFiles.delete(temporary);
    } else {
      publishNew(temporary, file, display, fsys);
    }
  } finally {
    if (pendingTemporaryFiles.has(temporary)) discard(temporary, fsys);
  }
  syncFolder(dir, fsys);
  return file;
}
