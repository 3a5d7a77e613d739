/**
 * The user settings the runners write (test/integration/lib/common.mjs, writeUserSettings) reach
 * the workbench. The one that matters most is autosave: code-server's web workbench defaults to
 * `files.autoSave: afterDelay` (1 s), which would save the suites' unsaved edits behind their back
 * (the restart suite asserts that nothing is saved).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';

describe("the runner's user settings", () => {
  it('turn autosave off, in the user settings (not only by default)', () => {
    const files = vscode.workspace.getConfiguration('files');
    const autoSave = files.inspect<string>('autoSave');
    process.stdout.write(`files.autoSave: default ${autoSave?.defaultValue}, user ${autoSave?.globalValue}\n`);
    assert.equal(files.get('autoSave'), 'off');
    assert.equal(autoSave?.globalValue, 'off', "set by the runner's settings.json");
  });
});
