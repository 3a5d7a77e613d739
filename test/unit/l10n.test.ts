/**
 * Localisation: every user-facing message is in Korean and English. Messages of the l10n bundle
 * (English text → Korean) are found in the code; messages declared in both languages (the rules')
 * are read from the registry. Korean particles follow the word before them: no "(으)로" or
 * "이(가)" anywhere.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INTERNAL_ERROR, RULES } from '../../server/src/core';
import { format } from '../../server/src/core/l10n';
import { FORMAT_MESSAGES, TYPE_NAMES } from '../../server/src/core/schema/errors';
import { ROOT } from '../support/fixtures';

const ko = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.ko.json'), 'utf8')) as Record<string, string>;

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
  const calls = [
    /\b(?:msg|t|l10n\.t)\(\s*(?:context,\s*)?'((?:[^'\\]|\\.)*)'/g,
    /\blocalize\(\s*\w+\s*,\s*'((?:[^'\\]|\\.)*)'/g,
    /\b(?:msg|t|l10n\.t)\(\s*(?:context,\s*)?"((?:[^"\\]|\\.)*)"/g,
  ];
  for (const file of ['server/src', 'client/src', 'shared/src'].flatMap((dir) => sources(path.join(ROOT, dir)))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of calls) {
      for (const match of text.matchAll(pattern))
        found.set(match[1].replace(/\\'/g, "'").replace(/\\"/g, '"').replace(/\\\\/g, '\\'), path.relative(ROOT, file));
    }
  }
  for (const table of [FORMAT_MESSAGES, TYPE_NAMES]) for (const message of Object.values(table)) found.set(message, 'message table');
  return found;
}

/** Every text a rule declares in both languages: description, messages, documentation. */
function bilingualTexts(): Array<{ where: string; en: string; ko: string }> {
  const texts = [
    { where: 'internal-error', ...INTERNAL_ERROR.description },
    { where: 'internal-error message', ...INTERNAL_ERROR.message },
  ];
  for (const rule of RULES) {
    texts.push({ where: `${rule.code} description`, ...rule.description });
    for (const [key, message] of Object.entries(rule.messages)) texts.push({ where: `${rule.code} ${key}`, ...message });
    for (const part of ['checks', 'fix', 'formPlace'] as const) texts.push({ where: `${rule.code} docs.${part}`, ...rule.docs[part] });
  }
  return texts;
}

const placeholders = (text: string) => [...new Set(text.match(/\{\d+(?=[|}])/g) ?? [])].sort();
/** The generic particles of form letters, which a Korean reviewer would not write. */
const GENERIC_PARTICLE = /\((?:으|이|은|을|과|와)\)|(?:은|이|을|과)\((?:는|가|를|와)\)/;

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

describe('l10n: messages declared in both languages', () => {
  const texts = bilingualTexts();

  it('covers every rule', () => {
    assert.ok(texts.length > RULES.length * 5, `${texts.length} texts`);
  });

  it('has Korean text with the same placeholders as the English', () => {
    const broken = texts.filter((t) => placeholders(t.en).join() !== placeholders(t.ko).join() || (/[a-z]{4}/.test(t.en) && !/[가-힣]/.test(t.ko)));
    assert.deepEqual(
      broken.map((t) => `${t.where}: ${t.en} / ${t.ko}`),
      [],
    );
  });

  it('never uses a particle in English', () => {
    assert.deepEqual(
      texts.filter((t) => /\{\d+\|/.test(t.en)).map((t) => t.where),
      [],
    );
  });
});

describe('l10n: Korean particles', () => {
  it('chooses each particle by the sound the word ends with', () => {
    for (const text of Object.values(ko)) assert.doesNotMatch(text, GENERIC_PARTICLE, text);
    for (const t of bilingualTexts()) assert.doesNotMatch(t.ko, GENERIC_PARTICLE, t.where);
  });
});

describe('l10n: format', () => {
  it('fills placeholders in any order, with the particle that fits, and leaves those without an argument', () => {
    assert.equal(format('{1}의 참여 시작일 {0|이} 앞섭니다.', ['2026.03.01.', '한도윤']), '한도윤의 참여 시작일 2026.03.01.이 앞섭니다.');
    assert.equal(format('{0|을} {0|으로}', ['서버']), '서버를 서버로');
    assert.equal(format('{0|을} {0|으로}', ['기간']), '기간을 기간으로');
    assert.equal(format('{0} and {2}', ['a']), 'a and {2}');
    assert.equal(format('no placeholder', ['a']), 'no placeholder');
    assert.equal(format('{0}{0}', [7]), '77');
    assert.equal(format('{x} {0}', ['a']), '{x} a');
    // The same template twice (the second from what was compiled the first time).
    assert.equal(format('{0|이} {1}', ['LLM', 'x']), 'LLM이 x');
    assert.equal(format('{0|이} {1}', ['B200', 'y']), 'B200이 y');
  });
});
