// Template for a real integration suite (copy to test/integration/suite/<name>.test.ts; the
// default GPUPLAN_SUITE_GLOB picks up out/test/integration/suite/**/*.test.js after
// `npm run compile-tests`). This file itself lives outside suite/ so it never runs by default;
// run it with --suite-glob 'out/test/integration/examples/**/*.test.js'.
import * as assert from 'assert';
import * as vscode from 'vscode';
// Type-only import (erased by tsc); load the runtime module through the absolute path the
// runner exports, because tsc does not copy .cjs files into out/.
import type * as Harness from '../harness.cjs';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const harness = require(process.env.GPUPLAN_HARNESS ?? '../../../../test/integration/harness.cjs') as typeof Harness;

describe('example integration suite', () => {
  it('runs in the extension host with the extension under development registered', () => {
    assert.strictEqual(typeof vscode.version, 'string');
    const ext = vscode.extensions.getExtension('gpuplan.gpuplan');
    assert.ok(ext, 'gpuplan.gpuplan is the extensionDevelopmentPath');
  });

  it('can wait for UI state and take a screenshot (code-server runner only)', async function () {
    const doc = await vscode.workspace.openTextDocument({ content: '안녕하세요 GPU 계획서', language: 'plaintext' });
    await vscode.window.showTextDocument(doc);
    await harness.waitFor(() => vscode.window.activeTextEditor?.document === doc, { message: 'editor shown' });
    const shot = await harness.screenshot('example/editor.png');
    if (shot === false) this.skip();
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
