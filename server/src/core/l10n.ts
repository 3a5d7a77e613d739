/**
 * Message localisation for the core.
 *
 * Messages are written in English in the code and looked up in the `@vscode/l10n` bundle format
 * (`l10n/bundle.l10n.<locale>.json`: English message → translation), the same bundles the VS Code
 * client reads through `vscode.l10n` and the server and CLI through `@vscode/l10n`. The core takes
 * the locale per call instead of a process-wide setting, so one process can produce both languages.
 */
import ko from '../../../l10n/bundle.l10n.ko.json';
import { particle } from './korean';

export type Locale = 'ko' | 'en';

const bundles: Record<Locale, Record<string, string>> = { ko, en: {} };

export function normalizeLocale(value: string | undefined): Locale | undefined {
  if (!value) return undefined;
  const lower = value.toLowerCase();
  if (lower.startsWith('ko')) return 'ko';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

/**
 * Fills `{0}`, `{1}` … with the arguments. `{0|을}` is the argument followed by the Korean
 * particle that fits the sound it ends with (서버를, 기간을): see `korean.ts`.
 */
export function format(template: string, args: ReadonlyArray<string | number>): string {
  if (!template.includes('{')) return template;
  const parts = compiled(template);
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = args.at(part.index); // undefined when the template names more arguments than given
    if (value === undefined) {
      out += part.match;
      continue;
    }
    const text = String(value);
    out += part.particle === undefined ? text : text + particle(text, part.particle);
  }
  return out;
}

/** A template cut into its text and its placeholders, once: messages are formatted for every finding. */
type TemplatePart = string | { readonly index: number; readonly particle: string | undefined; readonly match: string };
const COMPILED = new Map<string, readonly TemplatePart[]>();
const PLACEHOLDER = /\{(\d+)(?:\|([^}]+))?\}/g;

function compiled(template: string): readonly TemplatePart[] {
  let parts = COMPILED.get(template);
  if (parts) return parts;
  const list: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    if (match.index > last) list.push(template.slice(last, match.index));
    list.push({ index: Number(match[1]), particle: match[2], match: match[0] });
    last = match.index + match[0].length;
  }
  if (last < template.length) list.push(template.slice(last));
  parts = list;
  // Templates are the messages of the code and of the bundles: a bounded set, but keep it so.
  if (COMPILED.size >= 4096) COMPILED.clear();
  COMPILED.set(template, parts);
  return parts;
}

/** Formats the message after translating the English template through the locale's bundle. */
export function localize(locale: Locale, message: string, ...args: Array<string | number>): string {
  return format(bundles[locale][message] ?? message, args);
}

/** A message in both languages, declared where it is used (a rule's messages, a fix's title). */
export interface Bilingual {
  readonly en: string;
  readonly ko: string;
}

export type MessageArg = string | number | Message;

/** A message not yet rendered: kept so callers can render it in another language later. */
export interface Message {
  /** The English text; without `ko`, translated through the l10n bundle. */
  readonly template: string;
  /** The Korean text, when the message is declared in both languages. */
  readonly ko?: string;
  /** Arguments; a nested message is translated too (e.g. a type name inside a sentence). */
  readonly args: readonly MessageArg[];
}

const NO_ARGS: readonly string[] = [];

/** A message looked up in the l10n bundle by its English text. */
export const msg = (template: string, ...args: MessageArg[]): Message => ({ template, args });

/** A message declared in both languages. */
export const bilingual = (text: Bilingual, ...args: MessageArg[]): Message => ({ template: text.en, ko: text.ko, args });

export const render = (locale: Locale, m: Message): string => {
  const args = m.args.length === 0 ? NO_ARGS : m.args.map((arg) => (typeof arg === 'object' ? render(locale, arg) : arg));
  if (m.ko !== undefined) return format(locale === 'ko' ? m.ko : m.template, args);
  return localize(locale, m.template, ...args);
};

/** A word or value written one way in English and another in Korean (a date, a unit). */
export const perLocale = (en: string, ko: string): Message => ({ template: en, ko, args: [] });

/** A bilingual text in one locale, with its arguments. */
export const inLocale = (locale: Locale, text: Bilingual, ...args: Array<string | number>): string => format(locale === 'ko' ? text.ko : text.en, args);
