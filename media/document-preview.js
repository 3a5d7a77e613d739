// The document preview's page. The extension sets this page once per panel and then sends
// messages: `update` (the server's stylesheet and the document's markup) and `notice` (a line of
// text above the page). The page keeps its scroll position across updates and saves which plan
// it shows and where it is (vscode.setState), so that the panel comes back there after a window
// reload. The markup is made and escaped by gpuplan's renderer; it is parsed inert, checked and
// placed, and the page's Content-Security-Policy would refuse any script in it anyway.
(function () {
  const vscode = acquireVsCodeApi();
  const style = document.getElementById('document-style');
  const notice = document.getElementById('notice');
  const page = document.getElementById('page');
  let state = vscode.getState() || {};
  // The first update after loading restores the saved position; later ones keep the current one.
  let restored = false;

  /** Elements and attributes no document of ours contains: dropped should one ever appear. */
  const FORBIDDEN = 'script, iframe, frame, object, embed, link, meta, base, form, style, template';
  function clean(root) {
    for (const element of root.querySelectorAll(FORBIDDEN)) element.remove();
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on') || name === 'style' || ((name === 'href' || name === 'src') && !/^(#|data:image\/)/i.test(attribute.value))) {
          element.removeAttribute(attribute.name);
        }
      }
    }
    return root;
  }

  function save(patch) {
    state = Object.assign({}, state, patch);
    vscode.setState(state);
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'notice' && (typeof message.text === 'string' || message.text === null)) {
      notice.textContent = message.text || '';
      notice.hidden = !message.text;
      return;
    }
    if (message.type !== 'update' || typeof message.uri !== 'string' || typeof message.body !== 'string' || typeof message.css !== 'string') return;
    const sameDocument = state.uri === message.uri;
    let y = sameDocument ? window.scrollY : 0;
    if (!restored) {
      restored = true;
      if (sameDocument && typeof state.scrollY === 'number') y = state.scrollY;
      else if (typeof message.scrollY === 'number' && isFinite(message.scrollY)) y = message.scrollY;
    }
    if (style.textContent !== message.css) style.textContent = message.css;
    // DOMParser makes inert nodes: nothing in them runs or loads while they are checked.
    const parsed = new DOMParser().parseFromString(message.body, 'text/html');
    clean(parsed.body);
    page.replaceChildren(...Array.from(parsed.body.childNodes, (node) => document.importNode(node, true)));
    notice.textContent = '';
    notice.hidden = true;
    window.scrollTo(0, y);
    save({ uri: message.uri, scrollY: window.scrollY });
  });

  let pending = false;
  window.addEventListener(
    'scroll',
    () => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        save({ scrollY: window.scrollY });
      });
    },
    { passive: true },
  );

  vscode.postMessage({ type: 'ready' });
})();
