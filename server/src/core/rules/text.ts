/** Prose: vague wording, guide text left in, acronyms without their full name. */
import type { Node } from 'jsonc-parser';
import { stringValueSpan, pathOf } from '../document';
import { TEMPLATE_GUIDE_PATTERNS, VAGUE_EXPRESSIONS } from '../figures';
import { msg } from '../l10n';
import { nodeAt } from '../document';
import type { RuleFamily } from './context';

/** Acronyms so common in this form that nobody spells them out. Users may add more in settings. */
export const DEFAULT_ABBREVIATION_ALLOWLIST: readonly string[] = [
  'AI', 'GPU', 'CPU', 'NPU', 'API', 'URL', 'IT', 'ICT', 'SW', 'HW', 'DB', 'PDF', 'HWP', 'JSON', 'MIT', 'BSD', 'CC',
  'KCI', 'NTIS', 'KISS', 'CEO', 'CTO', 'PM', 'QA', 'UI', 'UX', 'ID', 'OS', 'PC', 'HBM', 'GB', 'TB', 'PB', 'MB', 'KB', 'NVIDIA',
];

/** The firm form of a vague phrase, for the quick fix: "확장이 가능하다" → "확장한다". */
export function firmReplacement(family: string, phrase: string): string {
  switch (family) {
    case 'mayDo':
      return phrase.replace(/\s*(할|될)\s*수도\s*있.*$/u, (_m, verb: string) => (verb === '될' ? '된다' : '한다'));
    case 'possible':
      return phrase.replace(/\s*(?:이|가)?\s*가능.*$/u, '한다');
    default:
      return phrase.replace(/\s*(?:을|를)?\s*(?:고려|검토).*$/u, '한다');
  }
}

function allStrings(root: Node | undefined): Node[] {
  const out: Node[] = [];
  const stack: Node[] = root ? [root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'string') {
      // Keys are strings too; only values count.
      if (!(node.parent?.type === 'property' && node.parent.children?.[0] === node)) out.push(node);
    } else if (node.children) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
  }
  return out;
}

const ACRONYM = /(?<![A-Za-z0-9&])([A-Z]{2,})s?(?![A-Za-z0-9&])/gu;
const PARENTHETICAL = /\(([^()]*)\)/gu;
const HAS_WORDS = /[a-z가-힣]/u;

/** Acronyms written with their full name somewhere: `LLM(Large Language Model)` or `대규모 언어모델(LLM)`. */
function definedAcronyms(texts: readonly string[]): Set<string> {
  const defined = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(PARENTHETICAL)) {
      const inside = match[1].trim();
      const before = text.slice(0, match.index).trimEnd();
      if (/^[A-Z]{2,}s?$/u.test(inside)) {
        if (/[A-Za-z가-힣]$/u.test(before)) defined.add(inside.replace(/s$/u, ''));
        continue;
      }
      if (!HAS_WORDS.test(inside)) continue;
      for (const acronym of inside.matchAll(ACRONYM)) defined.add(acronym[1]);
      const preceding = /([A-Z]{2,})s?$/u.exec(before);
      if (preceding) defined.add(preceding[1]);
    }
  }
  return defined;
}

export const textRules: RuleFamily = {
  id: 'text',
  codes: ['vague-expression', 'template-guide-left', 'abbreviation-undefined'],
  run({ doc, texts, options, report }) {
    const prose = texts();

    for (const { node, value } of prose) {
      for (const family of VAGUE_EXPRESSIONS.value) {
        for (const match of value.matchAll(family.pattern)) {
          const phrase = match[0].trim();
          const start = (match.index ?? 0) + match[0].indexOf(phrase);
          report({
            code: 'vague-expression',
            ...stringValueSpan(doc.text, node, start, start + phrase.length),
            path: pathOf(node),
            message: msg('Vague wording "{0}": evaluators read it as "impossible". Write a firm, quantified commitment instead, e.g. "{1}".', phrase, firmReplacement(family.id, phrase)),
            data: { family: family.id, phrase, replacement: firmReplacement(family.id, phrase) },
          });
        }
      }
    }

    const strings = allStrings(doc.root).filter((node) => !(node.parent?.type === 'property' && node.parent.children?.[0]?.value === '$schema' && node.parent.parent === doc.root));
    for (const node of strings) {
      const value = node.value as string;
      for (const guide of TEMPLATE_GUIDE_PATTERNS.value) {
        for (const match of value.matchAll(guide.pattern)) {
          const start = match.index ?? 0;
          report({
            code: 'template-guide-left',
            ...stringValueSpan(doc.text, node, start, start + match[0].length),
            path: pathOf(node),
            message: msg('Guide text of the form is left in: "{0}". Delete it, or replace the placeholder with the real value.', match[0]),
            data: { kind: guide.id, text: match[0] },
          });
        }
      }
    }

    const defined = definedAcronyms(strings.map((node) => node.value as string));
    const title = nodeAt(doc.root, ['projectTitle']);
    const scanned: Node[] = [...(title?.type === 'string' ? [title] : []), ...prose.map((t) => t.node)];
    const reported = new Set<string>();
    for (const node of scanned) {
      for (const match of (node.value as string).matchAll(ACRONYM)) {
        const acronym = match[1];
        if (defined.has(acronym) || reported.has(acronym) || options.abbreviationAllowlist.has(acronym)) continue;
        reported.add(acronym);
        const start = match.index ?? 0;
        report({
          code: 'abbreviation-undefined',
          ...stringValueSpan(doc.text, node, start, start + acronym.length),
          path: pathOf(node),
          message: msg('"{0}" is never written with its full name. Spell it out once, e.g. "{0}(Full Name)", as the form asks (약어는 풀네임도 함께 표기).', acronym),
          data: { acronym },
        });
      }
    }
  },
};
