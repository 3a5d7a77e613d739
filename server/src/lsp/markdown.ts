/**
 * The schema's texts are markdown, Korean first and then `*EN:*` English. A client gets the
 * part in its UI language only, as markdown or, for a plain-text client, without markdown
 * syntax (no `\~` escapes, backticks or asterisks).
 */
import type { Locale } from '../core';

const EN_MARK = /\n\n\*EN:\*\s*/;

/** The part of a bilingual schema text in `locale` (the Korean part when there is no English). */
export function localized(markdown: string, locale: Locale): string {
  const [ko, en] = markdown.split(EN_MARK);
  return (locale === 'en' && en ? en : ko).trim();
}

/** Markdown → the text a reader sees. */
export function plainOfMarkdown(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^\\*])\*([^*\s][^*]*)\*/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>&~])/g, '$1');
}

/**
 * Escapes text (from the document or computed) so that markdown shows it as written: the
 * characters that start emphasis, code, links, images, HTML, tables or strike-through anywhere,
 * and headings, lists and quotes at the start of a line. Nothing more, so that an editor that
 * shows markdown as source (Neovim) has few backslashes to show.
 */
export const escapeMarkdown = (text: string): string =>
  text.replace(/[\\`*_[\]<>&|~]/g, (c) => `\\${c}`).replace(/^(\s*)(?:([#+\-=])|(\d+)([.)]))/gm, (_m, space: string, mark?: string, digits?: string, punct?: string) => (mark ? `${space}\\${mark}` : `${space}${digits}\\${punct}`));
