// The cost preview webview. It places HTML that the extension built and escaped (render.ts),
// keeps the what-if controls, and posts the user's choices back. It builds no markup from data.
(function () {
  const vscode = acquireVsCodeApi();
  const main = document.getElementById('preview');
  const form = document.getElementById('whatif');
  const state = vscode.getState() || {};
  let fileRequest = null;
  let touched = false;

  const read = () => ({ type: form.elements.type.value, servers: Number(form.elements.servers.value), months: Number(form.elements.months.value) });
  const write = (r) => {
    form.elements.type.value = r.type;
    form.elements.servers.value = String(r.servers);
    form.elements.months.value = String(r.months);
  };
  const valid = (r) => (r.type === 'H200' || r.type === 'B200') && Number.isInteger(r.servers) && r.servers > 0 && Number.isInteger(r.months) && r.months > 0;

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'update' || typeof message.html !== 'string') return;
    const y = window.scrollY;
    main.innerHTML = message.html;
    window.scrollTo(0, y);
    fileRequest = message.request || null;
    form.hidden = fileRequest === null;
    if (fileRequest && !touched) write(fileRequest);
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

  window.addEventListener('scroll', () => vscode.setState({ scrollY: window.scrollY }), { passive: true });
  if (state.scrollY) window.scrollTo(0, state.scrollY);
  vscode.postMessage({ type: 'ready' });
})();
