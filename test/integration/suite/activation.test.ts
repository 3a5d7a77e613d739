/**
 * Activation in a real extension host: from `activate()` until the language server has answered
 * `initialize`. `npm run bench` runs this suite alone (so the extension is not active yet) and
 * reads the time from GPUPLAN_ACTIVATION_FILE.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { GpuplanApi } from '../../../client/src/extension';

describe('activation', () => {
  it('activates and starts the language server within a few seconds', async () => {
    const extension = vscode.extensions.getExtension<GpuplanApi>('gpuplan.gpuplan');
    assert.ok(extension);
    const wasActive = extension.isActive;
    const start = Date.now();
    const api = await extension.activate();
    const activated = Date.now() - start;
    await api.ready();
    const ready = Date.now() - start;
    if (process.env.GPUPLAN_ACTIVATION_FILE)
      fs.writeFileSync(process.env.GPUPLAN_ACTIVATION_FILE, JSON.stringify({ wasActive, activateMs: activated, serverReadyMs: ready }));
    assert.ok(ready < 10_000, `activation took ${ready} ms`);
  });
});
