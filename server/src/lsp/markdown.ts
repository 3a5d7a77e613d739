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
 * Escapes text (from the document or computed) so that markdown shows it as written: every
 * ASCII punctuation character markdown gives a meaning to, `.` included, so that no
 * renderer turns a plan's text into a link (markdown-it's linkify reads bare URLs too). Editors
 * that show markdown as source conceal the escapes (Neovim's markdown syntax does).
 */
export const escapeMarkdown = (text: string): string => text.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/g, (c) => `\\${c}`);
