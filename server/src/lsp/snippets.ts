/**
 * Snippet text for clients with and without snippet support, and the `gp-` snippets.
 *
 * The `gp-` snippets are generated from the schema's defaultSnippets into
 * snippets/gpuplan.code-snippets (scripts/generate-snippets.mjs). The server offers them in
 * completion only where they fit (a stage row inside `gpuPlan.stages`, a section at the top
 * level); the bundle carries that file's text (esbuild's text loader), so the server reads no
 * file.
 */
import { parse } from 'jsonc-parser';
import SNIPPETS_TEXT from '../../../snippets/gpuplan.code-snippets';

/**
 * The text a snippet leaves when the user just accepts it: `${1:default}` → default (nested),
 * `${1|a,b|}` → a, `$1`/`${1}`/`$0` → '', `\$`, `\}`, `\\` → literal. Variables (`$TM_…`)
 * become ''.
 */
export function plainOfSnippet(text: string): string {
  let i = 0;
  const parseUntil = (stopAtBrace: boolean): string => {
    let out = '';
    while (i < text.length) {
      const c = text[i];
      if (c === '\\' && i + 1 < text.length && '$}\\|,'.includes(text[i + 1])) {
        out += text[i + 1];
        i += 2;
      } else if (stopAtBrace && c === '}') {
        return out;
      } else if (c === '$') {
        const simple = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
        const head = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
        if (simple) {
          i += simple[0].length;
        } else if (head) {
          i += head[0].length;
          if (text[i] === ':') {
            i += 1;
            out += parseUntil(true);
            i += 1; // the closing brace
          } else if (text[i] === '|') {
            const end = text.indexOf('|}', i);
            const choices = text.slice(i + 1, end < 0 ? text.length : end);
            out += choices.split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1');
            i = end < 0 ? text.length : end + 2;
          } else {
            const end = text.indexOf('}', i);
            i = end < 0 ? text.length : end + 1;
          }
        } else {
          out += c;
          i += 1;
        }
      } else {
        out += c;
        i += 1;
      }
    }
    return out;
  };
  return parseUntil(false);
}

/**
 * Text to insert without snippet support, as the editor would have indented it: lines after the
 * first get the current line's indentation, and tabs (the snippets' indentation) the document's
 * unit.
 */
export function plainInsertion(snippet: string, lineIndent: string, unit: string): string {
  return plainOfSnippet(snippet)
    .split('\n')
    .map((line, index) => (index === 0 ? line : lineIndent + line.replace(/^\t+/, (tabs) => unit.repeat(tabs.length))))
    .join('\n');
}

/** One `gp-` snippet. */
export interface GpSnippet {
  readonly prefix: string;
  /** The schema's label of the snippet, e.g. "단계 (Stage)". */
  readonly label: string;
  readonly description: string;
  /** Snippet syntax, tabs for indentation. */
  readonly text: string;
  /** For a snippet of a property (`"key": …`): its key. */
  readonly key?: string;
}

let loaded: readonly GpSnippet[] | undefined;

/** The snippets of snippets/gpuplan.code-snippets, parsed once. */
export function gpSnippets(): readonly GpSnippet[] {
  if (loaded) return loaded;
  const raw = (parse(SNIPPETS_TEXT) ?? {}) as Record<string, { prefix: string; description: string; body: string[] }>;
  loaded = Object.entries(raw).map(([name, entry]) => {
    const text = entry.body.join('\n');
    const key = /^"([^"]+)": /.exec(text)?.[1];
    return { prefix: entry.prefix, label: name.slice(name.indexOf(' · ') + 3), description: entry.description, text, ...(key ? { key } : {}) };
  });
  return loaded;
}
