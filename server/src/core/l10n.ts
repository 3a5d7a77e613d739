/**
 * Message localisation for the core.
 *
 * Messages are written in English in the code and looked up in the `@vscode/l10n` bundle format
 * (`l10n/bundle.l10n.<locale>.json`: English message → translation), the same bundles the VS Code
 * client reads through `vscode.l10n` and the server and CLI through `@vscode/l10n`. The core takes
 * the locale per call instead of a process-wide setting, so one process can produce both languages.
 */
import ko from '../../../l10n/bundle.l10n.ko.json';

export type Locale = 'ko' | 'en';

const bundles: Record<Locale, Record<string, string>> = { ko, en: {} };

export function normalizeLocale(value: string | undefined): Locale | undefined {
  if (!value) return undefined;
  const lower = value.toLowerCase();
  if (lower.startsWith('ko')) return 'ko';
  if (lower.startsWith('en')) return 'en';
  return undefined;
}

/** Formats `{0}`, `{1}` … with the arguments, after translating the English template. */
export function localize(locale: Locale, message: string, ...args: Array<string | number>): string {
  const template = bundles[locale][message] ?? message;
  return template.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? match : String(value);
  });
}

/** A message not yet rendered: kept so callers can render it in another language later. */
export interface Message {
  readonly template: string;
  /** Arguments; a nested message is translated too (e.g. a type name inside a sentence). */
  readonly args: ReadonlyArray<string | number | Message>;
}

export const msg = (template: string, ...args: Array<string | number | Message>): Message => ({ template, args });

export const render = (locale: Locale, m: Message): string =>
  localize(locale, m.template, ...m.args.map((arg) => (typeof arg === 'object' ? render(locale, arg) : arg)));
