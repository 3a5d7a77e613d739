/** The form's 목차: the chapters and sections of the document, as the builder numbered them. */
import type { TocBlock, TocEntry } from './model';

export const tableOfContents = (entries: readonly TocEntry[]): TocBlock => ({ kind: 'toc', title: '목  차', entries: [...entries] });
