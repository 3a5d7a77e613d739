'use strict';
/**
 * Helpers for integration suites running inside the extension host.
 *
 *   const harness = require(process.env.GPUPLAN_HARNESS);   // or a relative require
 *   await harness.screenshot('/abs/or/relative.png');        // code-server runner only
 *   await harness.waitFor(() => cond(), { timeoutMs: 10000 });
 *
 * Screenshot protocol (implemented by runCodeServer.mjs):
 *   1. the test deletes a stale `<png>.done`, then logs one line
 *        __SCREENSHOT__ {"id":"<unique>","path":"/abs/file.png"}
 *      (optionally with "clip":{"x","y","width","height"}: only that part of the page)
 *      via console.log; the extension host forwards it to the workbench, which passes
 *      it to the runner through window.codeAutomationLog.
 *   2. the runner waits two animation frames, saves the page as PNG, then atomically
 *      writes `<png>.done` containing {"id":"<unique>","ok":true} (or ok:false,error).
 *   3. the test polls for `<png>.done` with the same id, then deletes it.
 * Runners that cannot take screenshots (runElectron.mjs) do not set
 * GPUPLAN_SCREENSHOT_SUPPORTED=1; screenshot() then resolves to false immediately.
 *
 * Browser driving (code-server runner only, GPUPLAN_BROWSER_DRIVER=1): real keystrokes and
 * DOM queries in the workbench page, for UI the extension API cannot drive (showInputBox
 * text, webviews, hovers, notifications...). Same log-marker protocol:
 *   __HARNESS__ {"id":"<unique>","op":"type"|"press"|"evaluate"|"screenshot",...}
 * reply: $GPUPLAN_HARNESS_REPLY_DIR/<id>.json = {"id","ok","result"|"error"}.
 *   await harness.browser.press('ArrowDown');           // Playwright key names
 *   await harness.browser.type('hello');
 *   await harness.browser.evaluate('document.title');   // expression evaluated in the page
 *   await harness.browser.evaluateInWebviews("document.querySelector('h1')?.textContent");
 * Requests are executed strictly in order.
 */
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const MARKER = '__SCREENSHOT__';
const HARNESS_MARKER = '__HARNESS__';

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** Poll `predicate` (sync or async) until it returns a truthy value; returns that value. */
async function waitFor(predicate, { timeoutMs = 10000, intervalMs = 50, message } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastErr;
  for (;;) {
    try {
      const v = await predicate();
      if (v) return v;
    } catch (e) {
      lastErr = e;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `waitFor timed out after ${timeoutMs} ms${message ? `: ${message}` : ''}` + (lastErr ? ` (last error: ${lastErr && lastErr.message})` : ''),
      );
    }
    await sleep(intervalMs);
  }
}

function screenshotsSupported() {
  return process.env.GPUPLAN_SCREENSHOT_SUPPORTED === '1';
}

/**
 * Ask the runner to screenshot the whole workbench page *now* (or only the `clip` rectangle of
 * it, in CSS pixels of the page: `{ x, y, width, height }`).
 * Relative paths resolve against GPUPLAN_ARTIFACTS_DIR (set by the runner) or cwd.
 * Resolves to the absolute PNG path, or false when the runner cannot take screenshots.
 */
async function screenshot(file, { timeoutMs = 30000, clip } = {}) {
  if (!screenshotsSupported()) {
    console.log(`[harness] screenshot skipped (runner does not support it): ${file}`);
    return false;
  }
  const abs = path.resolve(process.env.GPUPLAN_ARTIFACTS_DIR || process.cwd(), file);
  const done = `${abs}.done`;
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.rmSync(done, { force: true });
  const id = crypto.randomBytes(8).toString('hex');
  console.log(`${MARKER} ${JSON.stringify({ id, path: abs, ...(clip ? { clip } : {}) })}`);
  const result = await waitFor(
    () => {
      let txt;
      try {
        txt = fs.readFileSync(done, 'utf8');
      } catch {
        return undefined;
      }
      try {
        const r = JSON.parse(txt);
        return r.id === id ? r : undefined;
      } catch {
        return undefined;
      }
    },
    { timeoutMs, intervalMs: 100, message: `runner did not confirm screenshot ${abs}` },
  );
  fs.rmSync(done, { force: true });
  if (!result.ok) throw new Error(`screenshot failed: ${result.error}`);
  return abs;
}

function browserSupported() {
  return process.env.GPUPLAN_BROWSER_DRIVER === '1' && !!process.env.GPUPLAN_HARNESS_REPLY_DIR;
}

async function browserRequest(op, params, { timeoutMs = 30000 } = {}) {
  if (!browserSupported()) {
    throw new Error(
      `harness.browser.${op}() needs the code-server runner (GPUPLAN_BROWSER_DRIVER=1); ` + 'guard with harness.browserSupported() / this.skip()',
    );
  }
  const id = crypto.randomBytes(8).toString('hex');
  const reply = path.join(process.env.GPUPLAN_HARNESS_REPLY_DIR, `${id}.json`);
  console.log(`${HARNESS_MARKER} ${JSON.stringify({ id, op, ...params })}`);
  const r = await waitFor(
    () => {
      try {
        return JSON.parse(fs.readFileSync(reply, 'utf8'));
      } catch {
        return undefined;
      }
    },
    { timeoutMs, intervalMs: 50, message: `runner did not answer browser op ${op}` },
  );
  fs.rmSync(reply, { force: true });
  if (!r.ok) throw new Error(`browser op ${op} failed: ${r.error}`);
  return r.result;
}

const browser = {
  /** Press one key / chord in the focused element, e.g. 'Enter', 'ArrowDown', 'Control+A'. */
  press: (key, opts) => browserRequest('press', { key }, opts),
  /** Type text into the focused element (quick input, input box, editor, webview...). */
  type: (text, opts) => browserRequest('type', { text }, opts),
  /** Evaluate a JS expression in the workbench page; resolves with its JSON-serialisable value. */
  evaluate: (expression, opts) => browserRequest('evaluate', { expression }, opts),
  /**
   * Evaluate `expression` against every loaded webview's content document (webviews are
   * same-origin iframes in code-server). Inside the expression `document`/`window` are the
   * webview's. Runs in the workbench realm, so the webview's own CSP does not block it.
   * Resolves with one result per webview (empty array while none is loaded).
   */
  evaluateInWebviews: (expression, opts) =>
    browserRequest(
      'evaluate',
      {
        expression: `(() => {
      const out = [];
      for (const outer of document.querySelectorAll('iframe.webview')) {
        const inner = outer.contentDocument && outer.contentDocument.querySelector('iframe#active-frame');
        const w = inner && inner.contentWindow;
        if (!w || !w.document || !w.document.body) continue;
        out.push(new Function('document', 'window', ${JSON.stringify(`return (${expression});`)})(w.document, w));
      }
      return out;
    })()`,
      },
      opts,
    ),
};

module.exports = {
  waitFor,
  sleep,
  screenshot,
  screenshotsSupported,
  browserSupported,
  browser,
  SCREENSHOT_MARKER: MARKER,
  HARNESS_MARKER,
};
