// The document preview's page: replaces its content when the extension sends a new one, keeps
// the scroll position, and saves where it is so the panel comes back after a window reload.
// The content is markup made and escaped by gpuplan's own renderer; nothing here runs it.
(function () {
  const vscode = acquireVsCodeApi();
  const page = document.getElementById('page');
  let state = vscode.getState() || {};

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'update' || typeof message.body !== 'string' || typeof message.uri !== 'string') return;
    const y = typeof message.scrollY === 'number' ? message.scrollY : window.scrollY;
    // DOMParser makes inert nodes (no script of the content could run, and the CSP forbids it too).
    const parsed = new DOMParser().parseFromString(message.body, 'text/html');
    page.replaceChildren(...Array.from(parsed.body.childNodes, (node) => document.importNode(node, true)));
    window.scrollTo(0, y);
    state = { uri: message.uri, scrollY: y };
    vscode.setState(state);
  });

  let pending = false;
  window.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      state = { ...state, scrollY: window.scrollY };
      vscode.setState(state);
    });
  });
})();
