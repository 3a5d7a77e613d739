/**
 * The server's text documents, in UTF-16 positions: the text, the offsets where its lines begin,
 * and whether it holds a carriage return. Each change makes a new document; the one before is
 * left as it was.
 *
 * Why not vscode-languageserver-textdocument's: after a keystroke, the new text is a
 * concatenation of two slices of the text before, which V8 copies into one piece on its first
 * read (about a millisecond a megabyte, several when the heap is busy). That document reads the
 * text for every position it answers, so each keystroke paid for that copy before its
 * diagnostics were sent. This one answers positions from the line starts alone when the text
 * has no carriage return, and the server reads the text once it is idle (`settle`).
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { lineStartsOf } from '../core';

const LF = 0x0a;
const CR = 0x0d;

/** The last line whose start is at most `offset`. */
function lineAt(starts: Int32Array, offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** A change's range, if it has one (a client may send `"range": null` for a whole-text change: read it as what it is on the wire). */
export const rangeOf = (change: TextDocumentContentChangeEvent): Range | null | undefined => ('range' in change ? change.range : undefined);

export class PlanTextDocument implements TextDocument {
  private constructor(
    readonly uri: string,
    readonly languageId: string,
    readonly version: number,
    private readonly text: string,
    private readonly starts: Int32Array,
    /** Whether the text may hold a \r: then positions read the text around them. */
    private carriageReturn: boolean,
  ) {}

  static create(uri: string, languageId: string, version: number, text: string): PlanTextDocument {
    return new PlanTextDocument(uri, languageId, version, text, lineStartsOf(text), text.includes('\r'));
  }

  /** The document after `changes`, each relative to the text after the ones before it. */
  static update(document: PlanTextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): PlanTextDocument {
    let current = document;
    for (const change of changes) {
      const range = rangeOf(change);
      if (!range) {
        current = PlanTextDocument.create(current.uri, current.languageId, version, change.text);
        continue;
      }
      let start = current.offsetAt(range.start);
      let end = current.offsetAt(range.end);
      if (start > end) [start, end] = [end, start];
      const text = current.text.slice(0, start) + change.text + current.text.slice(end);
      if (current.carriageReturn || change.text.includes('\r')) {
        // A \r may pair with a \n across the edit's ends: count the lines again.
        current = new PlanTextDocument(current.uri, current.languageId, version, text, lineStartsOf(text), true);
        continue;
      }
      current = new PlanTextDocument(current.uri, current.languageId, version, text, movedStarts(current.starts, start, end, change.text), false);
    }
    return current === document
      ? new PlanTextDocument(document.uri, document.languageId, version, document.text, document.starts, document.carriageReturn)
      : current;
  }

  getText(range?: Range): string {
    if (!range) return this.text;
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    return this.text.slice(Math.min(start, end), Math.max(start, end));
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    let at = Math.max(0, Math.min(Math.floor(offset), this.text.length));
    // Between \r and \n is no position: it is the end of the line, as editors count it.
    if (this.carriageReturn && at > 0 && this.text.charCodeAt(at) === LF && this.text.charCodeAt(at - 1) === CR) at--;
    const line = lineAt(this.starts, at);
    return { line, character: at - this.starts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = this.starts[position.line];
    if (position.character <= 0) return lineStart;
    const last = position.line + 1 === this.starts.length;
    const next = last ? this.text.length : this.starts[position.line + 1];
    const offset = Math.min(lineStart + position.character, next);
    if (last) return offset;
    // Not past the line's end: before its line break (one \n when there is no \r).
    if (!this.carriageReturn) return Math.min(offset, next - 1);
    let end = next;
    while (end > lineStart && (this.text.charCodeAt(end - 1) === LF || this.text.charCodeAt(end - 1) === CR)) end--;
    return Math.min(offset, end);
  }

  /**
   * Reads the whole text, once the server is idle: V8 then makes it one piece now rather than
   * when the next keystroke's edit slices it. It counts again whether the text holds a carriage
   * return, which a deletion may have taken away.
   */
  settle(): void {
    this.carriageReturn = this.text.includes('\r');
  }
}

/**
 * The line starts after [start, end) of a text without \r was replaced by `inserted` (no \r):
 * those up to `start` stay, those of lines that began inside the replaced range go, those of the
 * inserted line breaks come, and the rest move by the difference in length.
 */
function movedStarts(starts: Int32Array, start: number, end: number, inserted: string): Int32Array {
  const kept = lineAt(starts, start) + 1; // starts[0 .. kept) are ≤ start
  let after = kept;
  while (after < starts.length && starts[after] <= end) after++;
  const added: number[] = [];
  for (let i = inserted.indexOf('\n'); i >= 0; i = inserted.indexOf('\n', i + 1)) added.push(start + i + 1);
  const delta = inserted.length - (end - start);
  const moved = new Int32Array(kept + added.length + (starts.length - after));
  moved.set(starts.subarray(0, kept));
  moved.set(added, kept);
  for (let i = after, j = kept + added.length; i < starts.length; i++, j++) moved[j] = starts[i] + delta;
  return moved;
}
