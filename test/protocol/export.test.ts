/**
 * Export through the language server: the PDF tool the client names (from the machine-scoped
 * setting `gpuplan.export.pdfBrowser`), the findings page only when asked for, and Cancel, which
 * ends the PDF tool with every process it started.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { ExportDocumentRequest, ExportFormatsRequest, type ExportedDocument, type ExportFormatInfo } from '../../shared/src/protocol';
import { readExample } from '../support/fixtures';
import { ServerProcess } from '../support/server-process';

const uri = 'file:///export.gpuplan.json';

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

describe('language server: export', function () {
  this.timeout(60_000);
  let server: ServerProcess;
  let dir: string;
  const posix = process.platform !== 'win32';

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-server-export-'));
    fs.mkdirSync(path.join(dir, 'tmp'));
    server = new ServerProcess({ env: { TMPDIR: path.join(dir, 'tmp'), GPUPLAN_TEST_PIDS: path.join(dir, 'pids') } });
    await server.initialize('en');
    await server.diagnosticsFor(uri, server.open(uri, readExample('mistakes.gpuplan.json')));
  });
  afterEach(async () => {
    await server.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const tool = (name: string, script: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
    return file;
  };
  const printer = () =>
    tool('chromium', 'for a in "$@"; do case "$a" in --print-to-pdf=*) printf \'%%PDF-1.4\\n%%%%EOF\\n\' > "${a#--print-to-pdf=}";; esac; done');

  it('offers PDF with the tool the client names, and says when that tool cannot be run', async function () {
    if (!posix) this.skip();
    const named = printer();
    const formats = await server.request<ExportFormatInfo[]>(ExportFormatsRequest.method, { pdfBrowser: named });
    assert.deepEqual(
      formats.find((f) => f.format === 'pdf'),
      { format: 'pdf', extension: '.pdf', available: true, tool: named },
    );
    const broken = await server.request<ExportFormatInfo[]>(ExportFormatsRequest.method, { pdfBrowser: path.join(dir, 'no-such-browser') });
    assert.deepEqual(
      broken.find((f) => f.format === 'pdf'),
      { format: 'pdf', extension: '.pdf', available: false, problem: 'setting' },
    );
    // A client that sends nothing (older clients send no parameters at all) gets the search.
    const plain = await server.request<ExportFormatInfo[]>(ExportFormatsRequest.method, null);
    assert.ok(plain.some((f) => f.format === 'docx' && f.available));
  });

  it('makes the PDF with the named tool; the findings page only when asked for', async function () {
    if (!posix) this.skip();
    const named = printer();
    const pdf = await server.request<ExportedDocument>(ExportDocumentRequest.method, { uri, format: 'pdf', pdfBrowser: named }, 30_000);
    assert.equal(pdf.tool, `chromium: ${named}`);
    assert.match(Buffer.from(pdf.data, 'base64').toString('latin1'), /^%PDF-1\.4/);
    assert.equal(pdf.errors, 11);
    const html = (includeFindings?: boolean) =>
      server
        .request<ExportedDocument>(ExportDocumentRequest.method, { uri, format: 'html', ...(includeFindings === undefined ? {} : { includeFindings }) })
        .then((d) =>
          Buffer.from(d.data, 'base64')
            .toString('utf8')
            .replace(/<[^>]+>/g, ''),
        );
    assert.doesNotMatch(await html(), /점검 결과 \(양식 외/);
    assert.doesNotMatch(await html(false), /점검 결과 \(양식 외/);
    assert.match(await html(true), /점검 결과 \(양식 외, gpuplan\) \d+건/);
  });

  it('Cancel ends the PDF tool and the process it started, and removes its folder', async function () {
    if (!posix) this.skip();
    const hanging = tool('chromium', 'sleep 300 &\necho "$$ $!" > "$GPUPLAN_TEST_PIDS"\nwait');
    const source = new CancellationTokenSource();
    const pending = server.connection.sendRequest(ExportDocumentRequest.method, { uri, format: 'pdf', pdfBrowser: hanging }, source.token);
    const pids = path.join(dir, 'pids');
    const deadline = Date.now() + 20_000;
    while (!(fs.existsSync(pids) && /^\d+ \d+\n/.test(fs.readFileSync(pids, 'utf8')))) {
      assert.ok(Date.now() < deadline, 'the tool started');
      await new Promise((r) => setTimeout(r, 50));
    }
    const [toolPid, childPid] = fs.readFileSync(pids, 'utf8').trim().split(' ').map(Number);
    assert.equal(fs.readdirSync(path.join(dir, 'tmp')).length, 1, 'the PDF folder exists while the tool runs');
    source.cancel();
    await assert.rejects(pending, (e: { code?: number }) => e.code === -32800, 'answered with RequestCancelled');
    const gone = Date.now() + 5_000;
    while ((running(toolPid) || running(childPid)) && Date.now() < gone) await new Promise((r) => setTimeout(r, 50));
    assert.ok(!running(toolPid) && !running(childPid), 'the tool and its child were ended');
    assert.deepEqual(fs.readdirSync(path.join(dir, 'tmp')), [], 'the PDF folder was removed');
    assert.ok(server.alive);
  });
});
