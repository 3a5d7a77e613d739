/** Test fixtures: plan text with ⟦…⟧ marking the exact ranges a finding must cover. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const EXAMPLES = path.join(ROOT, 'examples');

export interface Marked {
  readonly text: string;
  readonly ranges: ReadonlyArray<{ offset: number; length: number }>;
}

/** Removes ⟦ and ⟧ and returns the offsets they enclosed, in the marker-free text. */
export function stripMarkers(marked: string): Marked {
  const ranges: { offset: number; length: number }[] = [];
  let text = '';
  let open = -1;
  for (const char of marked) {
    if (char === '⟦') open = text.length;
    else if (char === '⟧') {
      ranges.push({ offset: open, length: text.length - open });
      open = -1;
    } else text += char;
  }
  return { text, ranges };
}

export const readFixture = (...parts: string[]): string => fs.readFileSync(path.join(FIXTURES, ...parts), 'utf8');
export const readExample = (name: string): string => fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
