/** Snippet text as the editor leaves it, for tests of snippets, quick fixes and insertions. */
import * as assert from 'node:assert/strict';

/**
 * Expands snippet syntax the way VS Code does when the user just presses Tab through it:
 * `${1:default}` → default (recursively), `${1|a,b|}` → a, `$1`/`${1}` → '', `\$`, `\}`, `\\` → literal.
 */
export function expandSnippet(text: string): string {
  let i = 0;
  const parse = (stopAtBrace: boolean): string => {
    let out = '';
    while (i < text.length) {
      const c = text[i];
      if (c === '\\' && i + 1 < text.length && '$}\\'.includes(text[i + 1])) {
        out += text[i + 1];
        i += 2;
      } else if (stopAtBrace && c === '}') {
        return out;
      } else if (c === '$') {
        const simple = /^\$(\d+|[A-Z_]+)/.exec(text.slice(i));
        if (simple) {
          i += simple[0].length;
        } else if (text[i + 1] === '{') {
          const head = /^\$\{(\d+|[A-Z_]+)/.exec(text.slice(i));
          assert.ok(head, `bad placeholder at ${i} in ${text}`);
          i += head[0].length;
          if (text[i] === ':') {
            i += 1;
            out += parse(true);
            assert.equal(text[i], '}', `unterminated placeholder in ${text}`);
            i += 1;
          } else if (text[i] === '|') {
            const end = text.indexOf('|}', i);
            assert.ok(end > i, `unterminated choice in ${text}`);
            out += text.slice(i + 1, end).split(',')[0];
            i = end + 2;
          } else {
            assert.equal(text[i], '}', `bad placeholder in ${text}`);
            i += 1;
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
  return parse(false);
}
