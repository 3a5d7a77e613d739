/** The offsets where the lines of `text` begin (a line break is \n, \r\n or \r), the first line's 0 included. */
export function lineStartsOf(text: string): Int32Array {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0d /* \r */) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    } else if (c === 0x0a) {
      starts.push(i + 1);
    }
  }
  return Int32Array.from(starts);
}

/** Converts offsets to LSP-style zero-based line/character positions (UTF-16 code units). */
export class LineIndex {
  private readonly starts: Int32Array;

  constructor(private readonly text: string) {
    this.starts = lineStartsOf(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): { line: number; character: number } {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // Between \r and \n is no position: it is the end of the line, as editors count it.
    if (clamped > 0 && this.text.charCodeAt(clamped) === 0x0a && this.text.charCodeAt(clamped - 1) === 0x0d) clamped--;
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offsetAt(position: { line: number; character: number }): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const lineStart = this.starts[position.line];
    const nextStart = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    return Math.max(lineStart, Math.min(lineStart + position.character, nextStart));
  }

  rangeOf(offset: number, length: number): { start: { line: number; character: number }; end: { line: number; character: number } } {
    return { start: this.positionAt(offset), end: this.positionAt(offset + length) };
  }
}
