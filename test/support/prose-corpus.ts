/**
 * The labelled prose corpus (test/fixtures/prose) and how the prose rules are measured on it:
 * each document is analysed as one plan (its sentences, in order, as the bullets of one Text
 * field), and each finding is compared with the hand-written labels of its sentence.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, Fix, Locale } from '../../server/src/core';
import { FIXTURES } from './fixtures';
import { service } from './service';
import { expandSnippet } from './snippets';

export type Split = 'dev' | 'heldout' | 'blind';

export interface CorpusLine {
  readonly id: string;
  readonly doc: string;
  readonly domain: string;
  readonly topic: string;
  readonly field: string;
  readonly text: string;
  readonly vague: ReadonlyArray<{ readonly text: string; readonly fix: string | null }>;
  readonly acronyms: readonly string[];
  readonly reason: string;
}

export function readCorpus(split: Split): CorpusLine[] {
  return fs
    .readFileSync(path.join(FIXTURES, 'prose', `${split}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusLine);
}

/** The documents of a split, each with its sentences in order. */
export function documentsOf(lines: readonly CorpusLine[]): CorpusLine[][] {
  const docs = new Map<string, CorpusLine[]>();
  for (const line of lines) {
    const doc = docs.get(line.doc) ?? [];
    doc.push(line);
    docs.set(line.doc, doc);
  }
  return [...docs.values()];
}

/** A plan holding the sentences as the bullets of I-2 지원 필요성, and where each sentence starts in it. */
export function planOf(sentences: readonly string[]): { text: string; starts: number[] } {
  let text = '{\n  "overview": {\n    "necessity": [\n';
  const starts: number[] = [];
  sentences.forEach((sentence, i) => {
    const literal = JSON.stringify(sentence);
    if (literal.length !== sentence.length + 2) throw new Error(`corpus sentence needs escapes: ${sentence}`);
    text += '      ';
    starts.push(text.length + 1);
    text += literal + (i < sentences.length - 1 ? ',\n' : '\n');
  });
  return { text: text + '    ]\n  }\n}\n', starts };
}

/** A finding, or a label, within one sentence: [start, end) in the sentence's own characters. */
export interface Place {
  readonly id: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const overlaps = (a: Place, b: Place) => a.id === b.id && a.start < b.end && b.start < a.end;

export interface Score {
  /** Findings that overlap a label. */
  readonly correct: number;
  readonly findings: number;
  /** Labels that some finding overlaps. */
  readonly found: number;
  readonly labels: number;
  readonly precision: number;
  readonly recall: number;
  /** Findings with no label under them. */
  readonly wrong: readonly Place[];
  /** Labels no finding overlaps. */
  readonly missed: readonly Place[];
}

function score(findings: readonly Place[], labels: readonly Place[]): Score {
  const wrong = findings.filter((f) => !labels.some((l) => overlaps(f, l)));
  const missed = labels.filter((l) => !findings.some((f) => overlaps(f, l)));
  const correct = findings.length - wrong.length;
  const found = labels.length - missed.length;
  return {
    correct,
    findings: findings.length,
    found,
    labels: labels.length,
    precision: findings.length === 0 ? 1 : correct / findings.length,
    recall: labels.length === 0 ? 1 : found / labels.length,
    wrong,
    missed,
  };
}

/** A quick fix offered on the corpus, applied with its placeholders as the editor inserts them. */
export interface AppliedFix {
  readonly id: string;
  /** The phrase the finding marks. */
  readonly phrase: string;
  /** The label the finding overlaps, if any. */
  readonly label: { readonly text: string; readonly fix: string | null } | undefined;
  /** The text the fix writes in place of the phrase (snippet expanded). */
  readonly inserted: string;
  /** The sentence after the fix. */
  readonly sentence: string;
  readonly fix: Fix;
}

export interface Evaluation {
  readonly sentences: number;
  readonly vague: Score;
  readonly acronyms: Score;
  /** Every fix of every vague-wording finding. */
  readonly fixes: readonly AppliedFix[];
}

function placeOf(finding: Finding, starts: readonly number[], lines: readonly CorpusLine[]): Place {
  let i = starts.length - 1;
  while (i > 0 && starts[i] > finding.offset) i--;
  const start = finding.offset - starts[i];
  const text = lines[i].text.slice(start, start + finding.length);
  return { id: lines[i].id, text, start, end: start + finding.length };
}

function labelPlaces(lines: readonly CorpusLine[], pick: (line: CorpusLine) => readonly string[]): Place[] {
  return lines.flatMap((line) =>
    pick(line).map((text) => {
      const start = line.text.indexOf(text);
      if (start < 0) throw new Error(`${line.id}: label "${text}" is not in the sentence`);
      return { id: line.id, text, start, end: start + text.length };
    }),
  );
}

/** Measures both prose rules on one split of the corpus. */
export function evaluate(split: Split, locale: Locale = 'ko'): Evaluation {
  const lines = readCorpus(split);
  const vagueFound: Place[] = [];
  const acronymsFound: Place[] = [];
  const fixes: AppliedFix[] = [];
  for (const doc of documentsOf(lines)) {
    const { text, starts } = planOf(doc.map((line) => line.text));
    const analysis = service.analyze(text, { locale });
    for (const finding of analysis.findings) {
      if (finding.code !== 'vague-expression' && finding.code !== 'abbreviation-undefined') continue;
      const place = placeOf(finding, starts, doc);
      if (finding.code === 'abbreviation-undefined') {
        acronymsFound.push(place);
        continue;
      }
      vagueFound.push(place);
      const line = doc.find((l) => l.id === place.id)!;
      const label = line.vague.find((v) => {
        const start = line.text.indexOf(v.text);
        return start < place.end && place.start < start + v.text.length;
      });
      for (const fix of service.fixesOf(analysis, finding)) {
        const edit = fix.snippet ? { ...fix.snippet, newText: expandSnippet(fix.snippet.text) } : fix.edits?.[0];
        if (!edit) continue;
        const from = place.start + (edit.offset - finding.offset);
        const sentence = line.text.slice(0, from) + edit.newText + line.text.slice(from + edit.length);
        fixes.push({ id: place.id, phrase: place.text, label, inserted: edit.newText, sentence, fix });
      }
    }
  }
  return {
    sentences: lines.length,
    vague: score(
      vagueFound,
      labelPlaces(lines, (l) => l.vague.map((v) => v.text)),
    ),
    acronyms: score(
      acronymsFound,
      labelPlaces(lines, (l) => l.acronyms),
    ),
    fixes,
  };
}
