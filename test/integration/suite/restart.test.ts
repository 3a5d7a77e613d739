/**
 * The language server dies (SIGKILL, as in a crash or an out-of-memory kill): the client starts a
 * new one, the user keeps typing, the diagnostics come back for the current text, and the unsaved
 * text is exactly what the user typed: nothing saved, nothing lost, undo intact.
 *
 * Run: npm run build && npm run compile-tests &&
 *      bash scripts/test-integration.sh --suite-glob 'out/test/integration/suite/restart.test.js'
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  activate,
  closeAll,
  codeOf,
  gpuplanDiagnostics,
  harness,
  open,
  positionOf,
  provokeAndRevert,
  suiteFixtures,
  waitForDiagnostic,
  waitForNoDiagnostic,
} from './util';

const { copyExample } = suiteFixtures(__filename);

/** Children of this process (the extension host) that run gpuplan's dist/server.js (Linux /proc). */
function serverPids(): number[] {
  if (!fs.existsSync('/proc/self/stat')) return [];
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmdline.some((arg) => arg.endsWith(path.join('dist', 'server.js')))) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** The running server's pid: from /proc, else from the client's child process (other platforms). */
async function serverPid(api: unknown): Promise<number> {
  return harness.waitFor(
    () => {
      const fromProc = serverPids();
      if (fromProc.length === 1) return fromProc[0];
      const client = (api as { client?: unknown }).client;
      const instance = typeof client === 'function' ? (client as () => unknown)() : client;
      return (instance as { _serverProcess?: { pid?: number } } | undefined)?._serverProcess?.pid;
    },
    { timeoutMs: 20_000, message: `exactly one gpuplan server child of the extension host (found ${serverPids().join(', ') || 'none'})` },
  );
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('gpuplan: the language server crashes and comes back', function () {
  this.timeout(120_000);
  let api: unknown;

  before(async () => {
    // These tests assert that nothing is saved; autosave (code-server's default) would save for them.
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off', "the runner's user settings turn autosave off");
    api = await activate();
  });
  afterEach(async () => {
    await closeAll();
  });

  it('after a SIGKILL the client restarts the server; edits made meanwhile are checked, and the unsaved text is untouched', async () => {
    const uri = copyExample('complete.gpuplan.json', 'restart.gpuplan.json');
    const onDisk = fs.readFileSync(uri.fsPath, 'utf8');
    const editor = await open(uri);
    const document = editor.document;
    await provokeAndRevert(editor);
    await waitForNoDiagnostic(uri);

    // An unsaved edit before the crash.
    const title = positionOf(document, '"projectTitle": "', '"projectTitle": "'.length);
    assert.ok(
      await editor.edit((edit) => {
        edit.insert(title, '(작성 중) ');
      }),
    );
    const beforeCrash = document.getText();

    const changes: string[] = [];
    const listener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document && event.contentChanges.length > 0) changes.push(event.contentChanges.map((c) => c.text).join('|'));
    });
    try {
      const oldPid = await serverPid(api);
      process.kill(oldPid, 'SIGKILL');
      await harness.waitFor(() => !isAlive(oldPid), { timeoutMs: 10_000, message: `server ${oldPid} still alive after SIGKILL` });

      // The user keeps working while the server is down.
      const servers = positionOf(document, '"servers": 4', '"servers": '.length);
      assert.ok(
        await editor.edit((edit) => {
          edit.replace(new vscode.Range(servers, servers.translate(0, 1)), '40');
        }),
        'the editor takes edits while the server is down',
      );
      const expected = beforeCrash.replace('"servers": 4', '"servers": 40');
      assert.equal(document.getText(), expected);

      // A new server analyses the current text.
      const diagnostic = await waitForDiagnostic(uri, 'gpu-servers-range', servers.line, 30_000);
      assert.equal(document.getText(diagnostic.range), '40');
      const newPid = await serverPid(api);
      assert.notEqual(newPid, oldPid, 'a new server process');

      // Nothing but the user's own edit touched the document; nothing was saved.
      assert.deepEqual(changes, ['40']);
      assert.equal(document.getText(), expected);
      assert.ok(document.isDirty, 'still unsaved');
      assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), onDisk, 'the file on disk is unchanged');

      // Undo still walks back through both edits, across the crash.
      await vscode.commands.executeCommand('undo');
      await harness.waitFor(() => document.getText() === beforeCrash, { message: 'first undo restores the text before the crash' });
      await vscode.commands.executeCommand('undo');
      await harness.waitFor(() => document.getText() === onDisk, { message: 'second undo restores the file as opened' });
      await waitForNoDiagnostic(uri, 'gpu-servers-range', 15_000);
    } finally {
      listener.dispose();
    }
  });

  it('survives three crashes in a row, diagnostics back each time', async () => {
    const uri = copyExample('complete.gpuplan.json', 'restart-3.gpuplan.json');
    const editor = await open(uri);
    const document = editor.document;
    await provokeAndRevert(editor);
    const original = document.getText();
    const servers = positionOf(document, '"servers": 4', '"servers": '.length);
    let current = '4';
    for (const value of ['40', '4', '41']) {
      const pid = await serverPid(api);
      process.kill(pid, 'SIGKILL');
      await harness.waitFor(() => !isAlive(pid), { timeoutMs: 10_000, message: `server ${pid} still alive` });
      assert.ok(
        await editor.edit((edit) => {
          edit.replace(new vscode.Range(servers, servers.translate(0, current.length)), value);
        }),
      );
      current = value;
      if (value === '4') {
        await waitForNoDiagnostic(uri, 'gpu-servers-range', 30_000);
        await provokeAndRevert(editor); // the new server answers (not just: the old findings were cleared)
        await waitForNoDiagnostic(uri, 'syntax');
      } else {
        const diagnostic = await waitForDiagnostic(uri, 'gpu-servers-range', servers.line, 30_000);
        assert.equal(document.getText(diagnostic.range), value);
      }
      const codes = gpuplanDiagnostics(uri).map((d) => codeOf(d));
      assert.ok(!codes.includes('syntax') && !codes.includes('internal-error'), codes.join());
    }
    assert.equal(document.getText(), original.replace('"servers": 4', '"servers": 41'));
    assert.ok(document.isDirty);
  });
});
