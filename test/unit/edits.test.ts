/**
 * Edits and files: gpuplan changes the user's text only through fixes the user picks (each one
 * undoable edit of that document), and never writes a file without being asked.
 *
 * What needs no VS Code is tested here: every quick fix of the mistakes example (plain edits,
 * snippets and section insertions) applied to the text; "fix all" and source.fixAll; the edits
 * the server sends (versioned text edits of the one document, nothing else); the client's source
 * (no save, no file writes); and `gpuplan export` (never overwrites without --overwrite).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeActionKind, CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol';
import type { Analysis, Finding, Fix, OffsetEdit } from '../../server/src/core';
import { applyEdits } from '../../server/src/core/edit/fix';
import { service } from '../support/service';

const analyzeEn = (text: string): Analysis => service.analyze(text, { locale: 'en' });
const fixesFor = (finding: Finding, analysis: Analysis): Fix[] => service.fixesOf(analysis, finding);
import { readExample, ROOT } from '../support/fixtures';
import { ServerProcess } from '../support/server-process';
import { expandSnippet } from '../support/snippets';

const mistakes = readExample('mistakes.gpuplan.json');
const complete = readExample('complete.gpuplan.json');

/** What identifies a finding across edits: its code and the JSON path it is about. */
const signature = (f: Finding): string => `${f.code} ${(f.path ?? []).join('.')}`;
const count = (findings: readonly Finding[], sig: string): number => findings.filter((f) => signature(f) === sig).length;
const syntaxCount = (findings: readonly Finding[]): number => findings.filter((f) => f.code === 'syntax').length;

/** The text after a fix, as the editor would leave it (snippets with their placeholders accepted). */
function applyFix(text: string, fix: Fix): string {
  if (fix.edits) return applyEdits(text, fix.edits);
  if (fix.snippet) return text.slice(0, fix.snippet.offset) + expandSnippet(fix.snippet.text) + text.slice(fix.snippet.offset + fix.snippet.length);
  if (fix.insertSection) {
    const insertion = service.insertion(service.analyze(text), fix.insertSection.parentPath, fix.insertSection.key);
    assert.ok(insertion, `no place to insert ${fix.insertSection.key}`);
    assert.equal(insertion.kind, 'insert', `${fix.insertSection.key} already exists`);
    return text.slice(0, insertion.offset) + expandSnippet(insertion.snippet) + text.slice(insertion.offset);
  }
  assert.fail(`fix "${fix.title}" has neither edits, a snippet nor a section`);
}

function assertEditsInside(text: string, edits: readonly OffsetEdit[], what: string): void {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  sorted.forEach((e, i) => {
    assert.ok(e.offset >= 0 && e.length >= 0 && e.offset + e.length <= text.length, `${what}: edit ${e.offset}+${e.length} outside the text`);
    if (i > 0) assert.ok(sorted[i - 1].offset + sorted[i - 1].length <= e.offset, `${what}: overlapping edits`);
  });
}

/** Every fix of every finding of `text` is applied on its own and checked. Returns how many. */
function checkEveryFix(text: string): number {
  const before = analyzeEn(text);
  let checked = 0;
  for (const finding of before.findings) {
    for (const fix of fixesFor(finding, before)) {
      const what = `${finding.code} fix "${fix.title}"`;
      if (fix.edits) assertEditsInside(text, fix.edits, what);
      const fixed = applyFix(text, fix);
      assert.notEqual(fixed, text, `${what} changes nothing`);
      const after = analyzeEn(fixed).findings;
      // Still parses where the original did: no new syntax error (the syntax fix removes one).
      assert.ok(
        syntaxCount(after) <= syntaxCount(before.findings) - (finding.code === 'syntax' ? 1 : 0),
        `${what} breaks the syntax:\n${after
          .filter((f) => f.code === 'syntax')
          .map((f) => f.message)
          .join('\n')}`,
      );
      assert.ok(count(after, signature(finding)) < count(before.findings, signature(finding)), `${what}: "${finding.message}" is still reported`);
      checked++;
    }
  }
  return checked;
}

describe('edits: quick fixes applied to the text', () => {
  it('every fix of every finding in the mistakes example: still parses, and that finding is gone', () => {
    const checked = checkEveryFix(mistakes);
    assert.ok(checked >= 12, `${checked} fixes checked`);
  });

  it('fixes that insert what is missing: the pledge, the acknowledgement, a required section', () => {
    const cases = [
      complete.replace(/"agreed": true,\s*/, ''),
      complete.replace(/,\s*"acknowledgement": "[^"]*"/, ''),
      complete.replace(/"projectTitle": "[^"]*",\s*/, ''),
      complete.replace(/"employees": \{[^}]*\},\s*/, ''),
    ];
    for (const text of cases) {
      assert.notEqual(text, complete, 'the case removes something');
      assert.ok(checkEveryFix(text) >= 1, 'a fix is offered');
    }
  });

  it('"fix all" of each code, and source.fixAll, leave parseable text without those findings', () => {
    const before = analyzeEn(mistakes);
    const fixAllByCode = new Map<string, Array<{ finding: Finding; fix: Fix }>>();
    for (const finding of before.findings) {
      const fix = fixesFor(finding, before).find((x) => x.fixAll);
      if (fix) fixAllByCode.set(finding.code, [...(fixAllByCode.get(finding.code) ?? []), { finding, fix }]);
    }
    assert.ok(fixAllByCode.size >= 3, [...fixAllByCode.keys()].join());
    for (const [code, fixes] of fixAllByCode) {
      const edits = fixes.flatMap(({ fix }) => fix.edits ?? []);
      assertEditsInside(mistakes, edits, `fix all ${code}`);
      const after = analyzeEn(applyEdits(mistakes, edits)).findings;
      assert.ok(syntaxCount(after) <= syntaxCount(before.findings), `fix all ${code} breaks the syntax`);
      // Each fixed finding is gone (a fix may uncover another finding of the same code elsewhere,
      // e.g. the servers of a stage fixed, its GPUs are now compared with the request).
      for (const { finding } of fixes)
        assert.ok(count(after, signature(finding)) < count(before.findings, signature(finding)), `fix all ${code} leaves "${finding.message}"`);
    }
    const preferred = before.findings
      .flatMap((f) =>
        fixesFor(f, before)
          .filter((x) => x.fixAll && x.preferred)
          .slice(0, 1),
      )
      .flatMap((f) => f.edits ?? []);
    assertEditsInside(mistakes, preferred, 'source.fixAll');
    const after = analyzeEn(applyEdits(mistakes, preferred)).findings;
    assert.ok(
      syntaxCount(after) < syntaxCount(before.findings) || syntaxCount(before.findings) === 0,
      'source.fixAll removes the trailing comma and adds no syntax error',
    );
  });

  it('expandSnippet resolves placeholders, choices and escapes', () => {
    assert.equal(expandSnippet('${1:by when} 추진한다'), 'by when 추진한다');
    assert.equal(expandSnippet('"${1|H200,B200|}", $0 \\$5 \\} ${2:a ${3:b}} ${4}'), '"H200",  $5 } a b ');
  });
});

describe('edits: what the server sends', function () {
  this.timeout(30_000);
  let server: ServerProcess;
  before(async () => {
    server = new ServerProcess();
    await server.initialize('en');
  });
  after(async () => server.dispose());

  it('code actions edit only that document, versioned, with text edits (no file created, renamed or deleted)', async () => {
    const uri = 'file:///edits.gpuplan.json';
    const published = await server.diagnosticsFor(uri, server.open(uri, mistakes, 7));
    assert.ok(published.diagnostics.length > 10);
    let edits = 0;
    const check = (action: CodeAction): void => {
      if (!action.edit) return;
      assert.equal(action.edit.changes, undefined, `${action.title}: unversioned changes`);
      for (const change of action.edit.documentChanges ?? []) {
        assert.ok('textDocument' in change && 'edits' in change, `${action.title}: a file operation (${JSON.stringify(change).slice(0, 80)})`);
        const edit = change;
        assert.equal(edit.textDocument.uri, uri);
        assert.equal(edit.textDocument.version, 7, `${action.title}: the edit is for the version it was computed on`);
        edits++;
      }
    };
    for (const diagnostic of published.diagnostics) {
      const actions =
        (await server.request<CodeAction[] | null>(CodeActionRequest.method, {
          textDocument: { uri },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic] },
        })) ?? [];
      actions.forEach(check);
    }
    const fixAll =
      (await server.request<CodeAction[] | null>(CodeActionRequest.method, {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: [CodeActionKind.SourceFixAll] },
      })) ?? [];
    fixAll.forEach(check);
    assert.ok(edits >= 10, `${edits} edits checked`);
  });
});

describe("edits: the extension never saves or writes the user's files", () => {
  const clientSources = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? clientSources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

  const lines = () =>
    clientSources(path.join(ROOT, 'client', 'src'))
      .flatMap((file) => {
        const source = fs.readFileSync(file, 'utf8');
        return source.split('\n').map((line, i) => ({ file: path.relative(ROOT, file), line: i + 1, text: line.trim(), source }));
      })
      .filter((l) => !l.text.startsWith('//') && !l.text.startsWith('*'));

  it('client/src never saves a document and never creates, deletes or renames a file', () => {
    const forbidden = /\.save\(|saveAll\(|workspace\.fs\.(copy|createDirectory)|\.(createFile|deleteFile|renameFile)\(|writeFileSync/;
    assert.deepEqual(
      lines()
        .filter((l) => forbidden.test(l.text))
        .map(({ file, line, text }) => ({ file, line, text })),
      [],
    );
    // The export writes its file whole: under a temporary name beside it, then renamed. That
    // temporary file is the only one ever renamed or deleted.
    const moves = lines().filter((l) => /workspace\.fs\.(delete|rename)\(/.test(l.text));
    assert.ok(moves.length > 0, 'the export renames its temporary file');
    for (const move of moves) assert.match(move.text, /workspace\.fs\.(delete|rename)\(temporary\b/, `${move.file}:${move.line}`);
  });

  it('client/src writes a file only for an export the user asked for, after asking before replacing one', () => {
    const writes = lines().filter((l) => /\bwriteFile\(/.test(l.text));
    assert.ok(writes.length > 0, 'the export writes');
    for (const write of writes) {
      // The module that writes: the user picks the file, is asked before one is replaced, and
      // the writer replaces only when told so.
      const source = write.source;
      assert.match(source, /showSaveDialog\(/, `${write.file}:${write.line}: the user picks the file`);
      assert.match(
        source,
        /if \(await exists\(target\)\)[\s\S]*showWarningMessage\([^;]*\{ modal: true \}[\s\S]*replace = true/,
        `${write.file}:${write.line}: an existing file is replaced only after a modal question`,
      );
      assert.match(source, /target\.toString\(\) === document\.uri\.toString\(\)/, `${write.file}:${write.line}: never the plan itself`);
      assert.match(
        source,
        /rename\(temporary, target, \{ overwrite: replace \}\)/,
        `${write.file}:${write.line}: replaces only what the user agreed to replace`,
      );
    }
  });
});

describe('edits: gpuplan export never overwrites without being asked', function () {
  this.timeout(60_000);
  const CLI = path.join(ROOT, 'dist', 'cli.js');
  let dir: string;
  const hash = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  const run = (args: string[]) =>
    spawnSync(process.execPath, [CLI, 'export', ...args, '--lang', 'en'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

  beforeEach(() => {
    assert.ok(fs.existsSync(CLI), 'run `npm run build` first');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-export-'));
    fs.writeFileSync(path.join(dir, 'plan.gpuplan.json'), complete);
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const format of ['html', 'docx', 'hwpx']) {
    it(`${format}: an existing file is left byte for byte without --overwrite (exit 2), replaced with it`, () => {
      const out = path.join(dir, `out.${format}`);
      fs.writeFileSync(out, "the user's own file");
      const planHash = hash(path.join(dir, 'plan.gpuplan.json'));
      const refused = run(['plan.gpuplan.json', '-o', `out.${format}`]);
      assert.equal(refused.status, 2, refused.stdout + refused.stderr);
      assert.match(refused.stderr, /already exists.*--overwrite/);
      assert.equal(fs.readFileSync(out, 'utf8'), "the user's own file");
      assert.deepEqual(fs.readdirSync(dir).sort(), [`out.${format}`, 'plan.gpuplan.json'], 'no temporary file left behind');

      const replaced = run(['plan.gpuplan.json', '-o', `out.${format}`, '--overwrite']);
      assert.equal(replaced.status, 0, replaced.stderr);
      assert.notEqual(fs.readFileSync(out, 'utf8'), "the user's own file");
      assert.equal(hash(path.join(dir, 'plan.gpuplan.json')), planHash, 'the plan itself is never written');
      assert.deepEqual(fs.readdirSync(dir).sort(), [`out.${format}`, 'plan.gpuplan.json']);
    });
  }

  it('the default output next to the plan is not overwritten either', () => {
    fs.writeFileSync(path.join(dir, 'plan.gpuplan.docx'), 'mine');
    fs.writeFileSync(path.join(dir, 'plan.docx'), 'mine');
    const result = run(['plan.gpuplan.json']);
    const written = fs.readdirSync(dir).filter((f) => f.endsWith('.docx'));
    for (const file of written) {
      if (file === 'plan.gpuplan.docx' || file === 'plan.docx')
        assert.equal(fs.readFileSync(path.join(dir, file), 'utf8'), 'mine', `${file} overwritten (exit ${result.status})`);
    }
    assert.equal(result.status, 2, `the default output exists: ${result.stdout}${result.stderr}`);
  });

  it('the plan itself is refused as the output, even with --overwrite', () => {
    const planHash = hash(path.join(dir, 'plan.gpuplan.json'));
    const result = run(['plan.gpuplan.json', '--format', 'html', '-o', 'plan.gpuplan.json', '--overwrite']);
    assert.equal(result.status, 2, result.stdout + result.stderr);
    assert.equal(hash(path.join(dir, 'plan.gpuplan.json')), planHash);
  });
});
