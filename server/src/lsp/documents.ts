/**
 * Documents in the position encoding negotiated with the client. The text is a JavaScript
 * string (UTF-16), so UTF-16 positions are the text's own and the documents are the server's
 * own (text-document.ts). For UTF-8 (or UTF-32) a document converts every position at its edge:
 * `positionAt` answers in the client's units and `offsetAt`/`getText(range)` read them, so every
 * feature (ours and vscode-json-languageservice's, which only go through these methods) speaks
 * the client's encoding without knowing it. A Hangul syllable is 1 UTF-16 unit, 3 UTF-8 bytes.
 */
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver/node';
import type { PositionEncoding } from './client-features';
import { PlanTextDocument, rangeOf } from './text-document';

/** Units of one code point in an encoding. */
function unitsOf(codePoint: number, encoding: PositionEncoding): number {
  if (encoding === 'utf-32') return 1;
  if (encoding === 'utf-16') return codePoint > 0xffff ? 2 : 1;
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** A UTF-16 column of `line` → the column in `encoding`. */
export function columnTo(line: string, utf16: number, encoding: PositionEncoding): number {
  if (encoding === 'utf-16') return utf16;
  let units = 0;
  for (let i = 0; i < utf16 && i < line.length;) {
    const codePoint = line.codePointAt(i) ?? 0; // i < line.length: always defined
    const width = codePoint > 0xffff ? 2 : 1;
    // A column inside a surrogate pair counts the whole character.
    units += unitsOf(codePoint, encoding);
    i += width;
  }
  return units;
}

/** A column in `encoding` → the UTF-16 column of `line` (clamped to the line's end). */
export function columnFrom(line: string, column: number, encoding: PositionEncoding): number {
  if (encoding === 'utf-16') return Math.min(column, line.length);
  let units = 0;
  let i = 0;
  while (i < line.length && units < column) {
    const codePoint = line.codePointAt(i) ?? 0; // i < line.length: always defined
    units += unitsOf(codePoint, encoding);
    i += codePoint > 0xffff ? 2 : 1;
  }
  return i;
}

/** A document whose positions are in UTF-8 or UTF-32 units. */
class EncodedDocument implements TextDocument {
  constructor(
    readonly inner: PlanTextDocument,
    readonly encoding: PositionEncoding,
  ) {}

  get uri(): string {
    return this.inner.uri;
  }

  get languageId(): string {
    return this.inner.languageId;
  }

  get version(): number {
    return this.inner.version;
  }

  get lineCount(): number {
    return this.inner.lineCount;
  }

  getText(range?: Range): string {
    return range ? this.inner.getText(this.toUtf16(range)) : this.inner.getText();
  }

  positionAt(offset: number): Position {
    const position = this.inner.positionAt(offset);
    return { line: position.line, character: columnTo(this.lineText(position.line), position.character, this.encoding) };
  }

  offsetAt(position: Position): number {
    return this.inner.offsetAt(this.toUtf16Position(position));
  }

  /** A range in the client's units → the same range in UTF-16 units. */
  toUtf16(range: Range): Range {
    return { start: this.toUtf16Position(range.start), end: this.toUtf16Position(range.end) };
  }

  private toUtf16Position(position: Position): Position {
    if (position.line < 0 || position.line >= this.inner.lineCount) return position;
    return { line: position.line, character: columnFrom(this.lineText(position.line), position.character, this.encoding) };
  }

  /** The text of a line without its end of line. */
  private lineText(line: number): string {
    const text = this.inner.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    return text.replace(/\r?\n$|\r$/, '');
  }
}

/** What TextDocuments needs to create and update documents in the negotiated encoding. */
export interface DocumentFactory {
  create(uri: string, languageId: string, version: number, text: string): TextDocument;
  update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument;
}

export function documentFactory(encoding: () => PositionEncoding): DocumentFactory {
  return {
    create(uri, languageId, version, text) {
      const document = PlanTextDocument.create(uri, languageId, version, text);
      const current = encoding();
      return current === 'utf-16' ? document : new EncodedDocument(document, current);
    },
    update(document, changes, version) {
      if (document instanceof PlanTextDocument) return PlanTextDocument.update(document, changes, version);
      if (!(document instanceof EncodedDocument)) throw new Error('documentFactory: not a document it made');
      // Each change is relative to the text after the ones before it: convert one at a time.
      let inner = document.inner;
      for (const change of changes) {
        const range = rangeOf(change);
        const converted: TextDocumentContentChangeEvent = range
          ? { range: new EncodedDocument(inner, document.encoding).toUtf16(range), text: change.text }
          : { text: change.text };
        inner = PlanTextDocument.update(inner, [converted], version);
      }
      return new EncodedDocument(inner, document.encoding);
    },
  };
}

/** Reads the document's whole text while the server is idle (see `PlanTextDocument.settle`). */
export function settle(document: TextDocument): void {
  if (document instanceof PlanTextDocument) document.settle();
  else if (document instanceof EncodedDocument) document.inner.settle();
}
