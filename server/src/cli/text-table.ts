/** Plain-text tables for the terminal that line up Korean text (each Hangul takes two columns). */

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function columns(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - columns(text)));

export function renderTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = headers.map((header, i) => Math.max(columns(header), ...rows.map((row) => columns(row[i] ?? ''))));
  const line = (left: string, mid: string, right: string) => left + widths.map((w) => '─'.repeat(w + 2)).join(mid) + right;
  const row = (cells: readonly string[]) => '│' + widths.map((w, i) => ` ${pad(cells[i] ?? '', w)} `).join('│') + '│';
  return [line('┌', '┬', '┐'), row(headers), line('├', '┼', '┤'), ...rows.map(row), line('└', '┴', '┘')].join('\n');
}
