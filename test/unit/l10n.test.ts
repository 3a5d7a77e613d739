import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_INFO } from '../../server/src/core';
import { SYNTAX_MESSAGES } from '../../server/src/core/analyze';
import { FORMAT_MESSAGES, TYPE_NAMES } from '../../server/src/core/schema/errors';
import { ROOT } from '../support/fixtures';

const ko: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.ko.json'), 'utf8'));

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The English messages passed to msg(), t(), l10n.t(), vscode.l10n.t() and localize(locale, …). */
function messagesInCode(): Map<string, string> {
  const found = new Map<string, string>();
  const calls = [/\b(?:msg|t|l10n\.t)\(\s*'((?:[^'\\]|\\.)*)'/g, /\blocalize\(\s*\w+\s*,\s*'((?:[^'\\]|\\.)*)'/g];
  for (const file of [...sources(path.join(ROOT, 'server', 'src')), ...sources(path.join(ROOT, 'client', 'src'))]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of calls) {
      for (const match of text.matchAll(pattern)) {
        found.set(match[1].replace(/\\'/g, "'").replace(/\\\\/g, '\\'), path.relative(ROOT, file));
      }
    }
  }
  for (const table of [SYNTAX_MESSAGES, FORMAT_MESSAGES, TYPE_NAMES]) {
    for (const message of Object.values(table)) if (message) found.set(message, 'message table');
  }
  for (const info of Object.values(RULE_INFO)) found.set(info.description, 'RULE_INFO');
  return found;
}

const placeholders = (text: string) => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();

describe('l10n: Korean bundle', () => {
  const messages = messagesInCode();

  it('finds the messages (the scan itself works)', () => {
    assert.ok(messages.size > 150, `only ${messages.size} messages found`);
    assert.ok(messages.has('Missing required property {0}.'));
  });

  it('translates every user-facing message', () => {
    const missing = [...messages.entries()].filter(([m]) => !(m in ko) && /[a-z]{2}/.test(m)).map(([m, where]) => `${where}: ${m}`);
    assert.deepEqual(missing, []);
  });

  it('keeps the same placeholders in every translation', () => {
    const broken = Object.entries(ko).filter(([en, k]) => placeholders(en).join() !== placeholders(k).join());
    assert.deepEqual(broken, []);
  });

  it('writes the translations in Korean', () => {
    const untranslated = Object.entries(ko).filter(([en, k]) => /[a-z]{4}/.test(en) && !/[가-힣]/.test(k) && en !== k);
    assert.deepEqual(untranslated, []);
  });
});
