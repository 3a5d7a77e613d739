/**
 * Quick fixes for findings, as offset edits. The language server turns them into code actions;
 * tests apply them to text and re-analyze. A fix never guesses what the user meant to write:
 * where the right value is not computable (a wrong registration number, a period), there is none.
 */
import { nodeAt, type JsonPath } from './json/tree';
import { type ParsedDocument } from './json/parse';
import { escapeSnippet, planInsertion } from './edit/insertion';
import { ACKNOWLEDGEMENT } from './figures';
import type { Finding, FindingCode } from './findings';
import { localize, type Locale } from './l10n';

export interface OffsetEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

export interface Fix {
  readonly code: FindingCode;
  readonly title: string;
  /** Plain text edits, applied together as one undoable change. */
  readonly edits?: readonly OffsetEdit[];
  /** A snippet replacing [offset, offset + length): the user completes its placeholders. */
  readonly snippet?: { readonly offset: number; readonly length: number; readonly text: string };
  /** Insert a missing property from its schema snippet (the client asks the server where). */
  readonly insertSection?: { readonly parentPath: JsonPath; readonly key: string };
  /** Plain edits that can be combined with the same code's other fixes into "fix all". */
  readonly fixAll: boolean;
  /** The one fix the editor may apply on its own (e.g. on save with source.fixAll). */
  readonly preferred: boolean;
}

type Data = Record<string, unknown>;

const replace = (finding: Finding, newText: string): OffsetEdit => ({ offset: finding.offset, length: finding.length, newText });

export function fixesFor(finding: Finding, doc: ParsedDocument, locale: Locale): Fix[] {
  const t = (message: string, ...args: Array<string | number>) => localize(locale, message, ...args);
  const data = (finding.data ?? {}) as Data;
  const code = finding.code;
  const value = (fixed: unknown, title: string): Fix[] => [
    { code, title, edits: [replace(finding, JSON.stringify(fixed))], fixAll: true, preferred: true },
  ];

  switch (code) {
    case 'gpu-servers-range':
    case 'gpu-months-range':
      return typeof data.fix === 'number' ? value(data.fix, t('Change to {0} (allowed {1}–{2})', data.fix, Number(data.min), Number(data.max))) : [];
    case 'stage-gpu-exceeds-request':
    case 'stage-gpu-server-mismatch':
    case 'staff-participation':
    case 'youth-company-mismatch':
      return data.fix !== undefined ? value(data.fix, t('Change to {0}', String(data.fix))) : [];
    case 'employees-total-mismatch':
    case 'copayment-mismatch':
      return typeof data.expected === 'number' ? value(data.expected, t('Write the computed value {0}', data.expected)) : [];
    case 'pledge-missing': {
      const agreed = nodeAt(doc.root, ['pledge', 'agreed']);
      if (agreed) return [{ code, title: t('Agree to the pledge (pledge.agreed = true)'), edits: [{ offset: agreed.offset, length: agreed.length, newText: 'true' }], fixAll: false, preferred: false }];
      return [{ code, title: t('Insert "agreed": true'), insertSection: { parentPath: ['pledge'], key: 'agreed' }, fixAll: false, preferred: false }];
    }
    case 'acknowledgement-missing': {
      const current = nodeAt(doc.root, ['disclosure', 'publications', 'acknowledgement']);
      if (current) {
        return [{ code, title: t('Use the official acknowledgement sentence'), edits: [{ offset: current.offset, length: current.length, newText: JSON.stringify(ACKNOWLEDGEMENT.value) }], fixAll: false, preferred: true }];
      }
      if (nodeAt(doc.root, ['disclosure', 'publications'])) {
        const insertion = planInsertion(doc, ['disclosure', 'publications'], 'acknowledgement');
        if (insertion?.kind === 'insert') {
          return [{ code, title: t('Insert the official acknowledgement sentence'), snippet: { offset: insertion.offset, length: 0, text: insertion.snippet }, fixAll: false, preferred: true }];
        }
      }
      const parentPath: JsonPath = nodeAt(doc.root, ['disclosure']) ? ['disclosure'] : [];
      return [{ code, title: t('Insert a publication plan with the official acknowledgement'), insertSection: { parentPath, key: parentPath.length ? 'publications' : 'disclosure' }, fixAll: false, preferred: false }];
    }
    case 'vague-expression': {
      const replacement = String(data.replacement ?? '');
      if (!replacement) return [];
      return [
        {
          code,
          title: t('Replace with a firm commitment: "{0}"', replacement),
          snippet: { offset: finding.offset, length: finding.length, text: `\${1:${escapeSnippet(t('by when, how much'))}} ${escapeSnippet(replacement)}` },
          fixAll: false,
          preferred: false,
        },
      ];
    }
    case 'abbreviation-undefined': {
      const acronym = String(data.acronym ?? '');
      return [
        {
          code,
          title: t('Write the full name after "{0}"', acronym),
          snippet: { offset: finding.offset, length: finding.length, text: `${escapeSnippet(acronym)}(\${1:${escapeSnippet(t('Full Name'))}})` },
          fixAll: false,
          preferred: false,
        },
      ];
    }
    case 'template-guide-left': {
      if (data.kind !== 'star') return [];
      // Remove the mark and the space after it.
      const after = doc.text[finding.offset + finding.length] === ' ' ? 1 : 0;
      return [{ code, title: t('Remove the guide mark "★"'), edits: [{ offset: finding.offset, length: finding.length + after, newText: '' }], fixAll: true, preferred: true }];
    }
    case 'syntax':
      return data.fix === 'removeTrailingComma'
        ? [{ code, title: t('Remove the trailing comma'), edits: [{ offset: finding.offset, length: finding.length, newText: '' }], fixAll: true, preferred: true }]
        : [];
    case 'schema':
      return schemaFixes(finding, doc, data, t);
    default:
      return [];
  }
}

function schemaFixes(finding: Finding, doc: ParsedDocument, data: Data, t: (m: string, ...a: Array<string | number>) => string): Fix[] {
  const code = finding.code;
  switch (data.keyword) {
    case 'additionalProperties':
      return typeof data.suggestion === 'string'
        ? [{ code, title: t('Rename to "{0}"', data.suggestion), edits: [{ offset: finding.offset, length: finding.length, newText: JSON.stringify(data.suggestion) }], fixAll: false, preferred: true }]
        : [];
    case 'enum':
    case 'const':
      return typeof data.suggestion === 'string'
        ? [{ code, title: t('Change to "{0}"', data.suggestion), edits: [{ offset: finding.offset, length: finding.length, newText: JSON.stringify(data.suggestion) }], fixAll: false, preferred: true }]
        : [];
    case 'required': {
      const parentPath = (data.parentPath ?? []) as JsonPath;
      const missing = (data.missing ?? []) as string[];
      return missing.map((key) => ({ code, title: t('Insert "{0}"', key), insertSection: { parentPath, key }, fixAll: false, preferred: false }));
    }
    default:
      return [];
  }
}

/** Applies non-overlapping offset edits to a text (back to front). */
export function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let result = text;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.offset + edit.length > limit) continue; // overlaps an edit already applied
    result = result.slice(0, edit.offset) + edit.newText + result.slice(edit.offset + edit.length);
    limit = edit.offset;
  }
  return result;
}
