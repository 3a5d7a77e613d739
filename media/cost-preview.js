// The cost preview webview. It places HTML that the extension built and escaped (render.ts),
// keeps the what-if controls, and posts the user's choices back. It builds no markup from data:
// the GPU types of the select (the server's) become option elements with their text set.
// It saves which plan it shows and how far it is scrolled (vscode.setState), so that the panel
// comes back there after a window reload.
(function () {
  const vscode = acquireVsCodeApi();
  const main = document.getElementById('preview');
  const form = document.getElementById('whatif');
  const result = document.getElementById('whatif-result');
  const select = form.elements.type;
  let state = vscode.getState() || {};
  let types = [];
  let fileRequest = null;
  let touched = false;
  // The first update after loading restores the saved position; later ones keep the current one.
  let restored = false;

  const save = (patch) => {
    state = Object.assign({}, state, patch);
    vscode.setState(state);
  };
  const read = () => ({ type: select.value, servers: Number(form.elements.servers.value), months: Number(form.elements.months.value) });
  const write = (r) => {
    select.value = r.type;
    form.elements.servers.value = String(r.servers);
    form.elements.months.value = String(r.months);
  };
  const valid = (r) => types.includes(r.type) && Number.isInteger(r.servers) && r.servers > 0 && Number.isInteger(r.months) && r.months > 0;

  function setTypes(next) {
    if (next.length === types.length && next.every((type, i) => type === types[i])) return;
    types = next;
    select.replaceChildren(
      ...types.map((type) => {
        const option = document.createElement('option');
        option.value = type;
        option.textContent = type;
        return option;
      }),
    );
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'update' || typeof message.html !== 'string' || typeof message.uri !== 'string') return;
    const sameDocument = state.uri === message.uri;
    let y = sameDocument ? window.scrollY : 0;
    if (!restored) {
      restored = true;
      if (sameDocument && typeof state.scrollY === 'number') y = state.scrollY;
    }
    if (Array.isArray(message.types)) setTypes(message.types.filter((type) => typeof type === 'string'));
    main.innerHTML = message.html;
    // The what-if result, right below its controls (HTML the server made and escaped).
    result.innerHTML = typeof message.whatIf === 'string' ? message.whatIf : '';
    fileRequest = message.request && typeof message.request === 'object' ? message.request : null;
    form.hidden = fileRequest === null;
    if (fileRequest && !touched) write(fileRequest);
    window.scrollTo(0, y);
    save({ uri: message.uri, scrollY: window.scrollY });
  });

  let pending;
  form.addEventListener('input', () => {
    touched = true;
    clearTimeout(pending);
    pending = setTimeout(() => {
      const request = read();
      if (valid(request)) vscode.postMessage({ type: 'whatIf', request });
    }, 60);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const request = read();
    if (valid(request)) vscode.postMessage({ type: 'apply', request });
    touched = false;
  });
  document.getElementById('reset').addEventListener('click', () => {
    touched = false;
    if (fileRequest) write(fileRequest);
    vscode.postMessage({ type: 'whatIf', request: null });
  });

  let scrolling = false;
  window.addEventListener(
    'scroll',
    () => {
      if (scrolling) return;
      scrolling = true;
      requestAnimationFrame(() => {
        scrolling = false;
        save({ scrollY: window.scrollY });
      });
    },
    { passive: true },
  );
  vscode.postMessage({ type: 'ready' });
})();
