/**
 * The previews' pages, as far as they are pure: the Content-Security-Policy of both, the document
 * preview's page and what it accepts from its webview, and the state a page saved, read back
 * after a window reload as the untrusted input it is.
 */
import * as assert from 'node:assert/strict';
import { parseDocumentPreviewMessage, renderDocumentShell } from '../../client/src/document-preview/page';
import { contentSecurityPolicy, escapeHtml, newNonce } from '../../client/src/webview/html';
import { setPageUntilReady } from '../../client/src/webview/ready';
import { savedState } from '../../client/src/webview/state';

const CSP_SOURCE = "'self' https://*.vscode-cdn.net";

describe('previews: Content-Security-Policy', () => {
  it('allows nothing by default, scripts only with the nonce, resources only from the webview source', () => {
    const nonce = newNonce();
    assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
    assert.notEqual(newNonce(), nonce);
    assert.equal(
      contentSecurityPolicy({ nonce, cspSource: CSP_SOURCE, styles: 'source' }),
      `default-src 'none'; style-src ${CSP_SOURCE}; img-src ${CSP_SOURCE} data:; font-src ${CSP_SOURCE}; script-src 'nonce-${nonce}'`,
    );
    assert.equal(
      contentSecurityPolicy({ nonce, cspSource: CSP_SOURCE, styles: 'nonce' }),
      `default-src 'none'; style-src 'nonce-${nonce}'; img-src ${CSP_SOURCE} data:; font-src ${CSP_SOURCE}; script-src 'nonce-${nonce}'`,
    );
  });

  it('refuses a nonce or a source that could end a directive', () => {
    assert.throws(() => contentSecurityPolicy({ nonce: "a'; script-src *", cspSource: CSP_SOURCE, styles: 'source' }));
    assert.throws(() => contentSecurityPolicy({ nonce: 'abc', cspSource: 'x; script-src *', styles: 'source' }));
    assert.throws(() => contentSecurityPolicy({ nonce: 'abc', cspSource: 'x">', styles: 'source' }));
  });
});

describe('document preview: its page', () => {
  const page = renderDocumentShell({
    nonce: 'bm9uY2U=',
    cspSource: CSP_SOURCE,
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/document-preview.js',
    lang: 'en',
    title: 'Document <preview>',
    loading: 'Loading "…"',
  });

  it("has the strict policy, one script with the nonce and an empty nonce stylesheet for the server's", () => {
    assert.ok(
      page.includes(
        `content="default-src 'none'; style-src 'nonce-bm9uY2U='; img-src ${CSP_SOURCE} data:; font-src ${CSP_SOURCE}; script-src 'nonce-bm9uY2U='"`,
      ),
      page,
    );
    assert.equal((page.match(/<script/g) ?? []).length, 1);
    assert.match(page, /<script nonce="bm9uY2U=" src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/media\/document-preview\.js"><\/script>/);
    assert.match(page, /<style nonce="bm9uY2U=" id="document-style"><\/style>/);
    assert.ok(!/unsafe-inline|unsafe-eval/.test(page));
    assert.match(page, /<body data-gpuplan-view="document">/);
    assert.match(page, /<html lang="ko">/, 'the document is Korean, as the form is');
  });

  it('escapes its own strings', () => {
    assert.ok(page.includes('<title>Document &lt;preview&gt;</title>'));
    assert.ok(page.includes('Loading &quot;…&quot;'));
    assert.equal(escapeHtml('<img src=x onerror="a">`\''), '&lt;img src=x onerror=&quot;a&quot;&gt;&#96;&#39;');
  });

  it('accepts only a well-formed "ready" from its webview', () => {
    assert.deepEqual(parseDocumentPreviewMessage({ type: 'ready' }), { type: 'ready' });
    for (const bad of [
      null,
      undefined,
      'ready',
      ['ready'],
      {},
      { type: 'update', body: '<b>' },
      { type: 'open', uri: 'file:///etc/passwd' },
      { type: 'READY' },
    ]) {
      assert.equal(parseDocumentPreviewMessage(bad), undefined, JSON.stringify(bad));
    }
  });
});

describe('previews: the state a page saved', () => {
  it('keeps a URI and a scroll position', () => {
    assert.deepEqual(savedState({ uri: 'file:///home/a/plan.gpuplan.json', scrollY: 812.5 }), { uri: 'file:///home/a/plan.gpuplan.json', scrollY: 812.5 });
    assert.deepEqual(savedState({ uri: 'vscode-remote://host/plan.gpuplan.json' }), { uri: 'vscode-remote://host/plan.gpuplan.json' });
  });

  it('drops whatever is not one', () => {
    for (const raw of [null, undefined, 'file:///x', [], 42]) assert.deepEqual(savedState(raw), {});
    assert.deepEqual(savedState({ uri: 42, scrollY: '10' }), {});
    assert.deepEqual(savedState({ uri: '', scrollY: -1 }), {});
    assert.deepEqual(savedState({ uri: 'no scheme', scrollY: Number.POSITIVE_INFINITY }), {});
    assert.deepEqual(savedState({ uri: `file:///${'a'.repeat(9000)}` }), {});
  });
});

describe('previews: a page VS Code dropped while restoring its panel is set again', () => {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** A page setter and how many times it was called. */
  const counter = () => {
    let n = 0;
    return {
      count: () => n,
      setPage: () => {
        n++;
      },
    };
  };

  /** A stand-in panel: visible or not, and its view-state event. */
  const standIn = (visible: boolean) => {
    const listeners = new Set<() => void>();
    return {
      visible,
      onDidChangeViewState(listener: () => void) {
        listeners.add(listener);
        return { dispose: () => listeners.delete(listener) };
      },
      show(now: boolean) {
        this.visible = now;
        for (const listener of listeners) listener();
      },
      listening: () => listeners.size,
    };
  };

  it('sets the page again while it is not ready and the panel visible, then stops', async () => {
    const { count, setPage } = counter();
    let ready = false;
    const stop = setPageUntilReady(standIn(true), setPage, () => ready, { waitMs: 10, maxWaitMs: 10, attempts: 5 });
    assert.equal(count(), 1, 'set at once');
    await wait(35);
    assert.ok(count() >= 2 && count() <= 4, `set again while not ready (${count()})`);
    ready = true;
    const after = count();
    await wait(40);
    assert.equal(count(), after, 'no more once the page is ready');
    stop.dispose();
  });

  it('waits twice as long each time, up to its longest wait', async () => {
    const { count, setPage } = counter();
    const stop = setPageUntilReady(standIn(true), setPage, () => false, { waitMs: 10, maxWaitMs: 40, attempts: 10 });
    // Set at 0, then at 10, 30, 70, 110, 150 ms…
    await wait(90);
    assert.ok(count() >= 2 && count() <= 4, `at most four times in 90 ms, not nine (${count()})`);
    stop.dispose();
  });

  it('by default, sets it again for as long as it is not ready and the panel visible', async () => {
    const { count, setPage } = counter();
    const stop = setPageUntilReady(standIn(true), setPage, () => false, { waitMs: 2, maxWaitMs: 2 });
    await wait(80);
    assert.ok(count() > 8, `more than a few times (${count()})`);
    stop.dispose();
  });

  it('gives up after its attempts, waits while the panel is hidden, and stops when disposed', async () => {
    const first = counter();
    const stop = setPageUntilReady(standIn(true), first.setPage, () => false, { waitMs: 5, maxWaitMs: 5, attempts: 2 });
    await wait(60);
    assert.equal(first.count(), 3, 'once, then twice again');
    stop.dispose();

    const hidden = standIn(false);
    const second = counter();
    const waiting = setPageUntilReady(hidden, second.setPage, () => false, { waitMs: 5, maxWaitMs: 5, attempts: 3 });
    await wait(30);
    assert.equal(second.count(), 1, 'not set again while hidden');
    hidden.visible = true;
    await wait(30);
    assert.ok(second.count() >= 2, 'set again once visible');
    waiting.dispose();
    assert.equal(hidden.listening(), 0, 'no listener left');
    const disposed = second.count();
    hidden.show(true);
    await wait(30);
    assert.equal(second.count(), disposed, 'nothing after dispose');
  });

  it('shown again after it was ready: set again only if its page does not say it is ready', async () => {
    const panel = standIn(true);
    const { count, setPage } = counter();
    let ready = true;
    const stop = setPageUntilReady(panel, setPage, () => ready, { waitMs: 10, maxWaitMs: 10, attempts: 3 });
    await wait(30);
    assert.equal(count(), 1, 'ready at once: set once');
    // Hidden (the preview forgets it was ready), shown, and VS Code loads the page again itself.
    ready = false;
    panel.show(false);
    panel.show(true);
    setTimeout(() => (ready = true), 3);
    await wait(40);
    assert.equal(count(), 1, 'the page said it is ready in time: not set again');
    // Hidden and shown, and the page stays silent (the restored, scriptless state).
    ready = false;
    panel.show(false);
    panel.show(true);
    await wait(25);
    assert.ok(count() >= 2, `set again (${count()})`);
    ready = true;
    stop.dispose();
  });
});
