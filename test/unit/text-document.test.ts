/**
 * The server's text documents against vscode-languageserver-textdocument's documents made from
 * the same text, which editors and LSP libraries agree with: after random edits of texts with \n, \r\n and lone \r line breaks,
 * Hangul and surrogate pairs, every offset, every position and every range answer the same.
 */
import * as assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { documentFactory, settle } from '../../server/src/lsp/documents';
import { PlanTextDocument } from '../../server/src/lsp/text-document';
import { mulberry32 as random } from '../support/random';

const PIECES = ['a', '가', '\n', '\n', '  ', '"k": 1,', '😀', '\r\n', '\r', '}'];

function randomText(next: () => number, length: number, breaks: string[]): string {
  let text = '';
  while (text.length < length) {
    const piece = PIECES[Math.floor(next() * PIECES.length)];
    text += piece.includes('\r') || piece === '\n' ? breaks[Math.floor(next() * breaks.length)] : piece;
  }
  return text;
}

/** Every answer of `actual` is that of `expected`, whose text is the same. */
function assertSame(actual: TextDocument, expected: TextDocument, what: string): void {
  const text = expected.getText();
  assert.equal(actual.getText(), text, `${what}: text`);
  assert.equal(actual.lineCount, expected.lineCount, `${what}: line count`);
  assert.equal(actual.version, expected.version, `${what}: version`);
  for (let offset = -2; offset <= text.length + 2; offset++)
    assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset), `${what}: positionAt(${offset})`);
  for (let line = -1; line <= expected.lineCount + 1; line++)
    for (const character of [-1, 0, 1, 2, 3, 5, 8, 13, 40, 1000]) {
      const position = { line, character };
      assert.equal(actual.offsetAt(position), expected.offsetAt(position), `${what}: offsetAt(${line}:${character})`);
    }
  for (let k = 0; k < 20; k++) {
    const a = expected.positionAt(Math.floor((((k * 7919) % 101) / 100) * text.length));
    const b = expected.positionAt(Math.floor((((k * 104729) % 97) / 96) * text.length));
    assert.equal(actual.getText({ start: a, end: b }), expected.getText({ start: a, end: b }), `${what}: getText of a range`);
  }
}

describe('the server’s text documents', () => {
  for (const [name, breaks] of [
    ['\\n only', ['\n']],
    ['\\r\\n only', ['\r\n']],
    ['\\n, \\r\\n and lone \\r', ['\n', '\r\n', '\r']],
  ] as const) {
    it(`answer as vscode-languageserver-textdocument after 150 random edits (${name})`, () => {
      const next = random(name.length * 31);
      const initial = randomText(next, 200, [...breaks]);
      let ours = PlanTextDocument.create('file:///t.gpuplan.json', 'gpuplan', 1, initial);
      let theirs = TextDocument.create('file:///t.gpuplan.json', 'gpuplan', 1, initial);
      for (let step = 0; step < 150; step++) {
        const before = ours;
        const beforeText = before.getText();
        const length = theirs.getText().length;
        const a = Math.floor(next() * (length + 1));
        const b = Math.min(length, a + Math.floor(next() * 6));
        // Sometimes the ends of the range the other way round, sometimes past a line's end, sometimes the whole text.
        const range = { start: theirs.positionAt(a), end: theirs.positionAt(b) };
        if (step % 7 === 3) range.start = { line: range.start.line, character: range.start.character + 50 };
        const inserted = step % 5 === 0 ? '' : randomText(next, 1 + Math.floor(next() * 3), [...breaks, breaks[0]]).slice(0, 4);
        const change: TextDocumentContentChangeEvent =
          step % 37 === 36
            ? { text: randomText(next, 50, [...breaks]) }
            : { range: step % 11 === 4 ? { start: range.end, end: range.start } : range, text: inserted };
        ours = PlanTextDocument.update(ours, [change], step + 2);
        // Made afresh from its text: its incremental update counts a \r typed before a \n (or a \n
        // after a \r) as two line breaks, where a fresh document and editors count one.
        theirs = TextDocument.create(theirs.uri, 'gpuplan', step + 2, TextDocument.update(theirs, [change], step + 2).getText());
        assertSame(ours, theirs, `step ${step}`);
        // The document before is as it was.
        assert.equal(before.getText(), beforeText, `step ${step}: the document before`);
        if (step % 10 === 9) settle(ours);
      }
    });
  }

  it('answer after several changes at once, each relative to the text after the ones before', () => {
    const text = 'first\nsecond 가\r\nthird\n';
    const changes: TextDocumentContentChangeEvent[] = [
      { range: { start: { line: 0, character: 5 }, end: { line: 1, character: 0 } }, text: ' + ' },
      { range: { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } }, text: 'x\ny' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: 'F' },
    ];
    const expected = TextDocument.create('u', 'gpuplan', 2, TextDocument.update(TextDocument.create('u', 'gpuplan', 1, text), changes, 2).getText());
    assertSame(PlanTextDocument.update(PlanTextDocument.create('u', 'gpuplan', 1, text), changes, 2), expected, 'three changes');
  });

  it('a \\r typed or deleted between a \\r and a \\n, or next to them, counts lines as editors do', () => {
    for (const [text, at, length, inserted] of [
      ['a\r\nb', 2, 0, 'x'], // splits a \r\n
      ['a\rb', 2, 0, '\n'], // makes one
      ['a\nb', 1, 0, '\r'], // makes one from the other side
      ['a\r\nb', 1, 1, ''], // leaves a \n
      ['a\r\nb', 2, 1, ''], // leaves a \r
    ] as const) {
      const ours = PlanTextDocument.create('u', 'gpuplan', 1, text);
      const theirs = TextDocument.create('u', 'gpuplan', 1, text);
      const change = { range: { start: theirs.positionAt(at), end: theirs.positionAt(at + length) }, text: inserted };
      const expected = TextDocument.create('u', 'gpuplan', 2, TextDocument.update(theirs, [change], 2).getText());
      assertSame(PlanTextDocument.update(ours, [change], 2), expected, JSON.stringify([text, at, length, inserted]));
    }
  });

  it('in UTF-8, through the factory, after edits', () => {
    const factory = documentFactory(() => 'utf-8');
    let document = factory.create('u', 'gpuplan', 1, '{\n  "a": "가나"\n}\n');
    // "나" is at UTF-8 column 11 of line 1: 8 bytes up to the quote, 3 of "가".
    document = factory.update(document, [{ range: { start: { line: 1, character: 11 }, end: { line: 1, character: 14 } }, text: '다' }], 2);
    assert.equal(document.getText(), '{\n  "a": "가다"\n}\n');
    assert.deepEqual(document.positionAt(document.getText().indexOf('다') + 1), { line: 1, character: 14 });
    settle(document);
    assert.equal(document.getText(), '{\n  "a": "가다"\n}\n');
  });
});
