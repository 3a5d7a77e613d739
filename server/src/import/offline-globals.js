// Injected by esbuild.mjs into the CLI and server bundles, which carry kordoc and pdf.js: every
// use of the global `fetch` and of the browser's XMLHttpRequest in them (pdf.js can load a PDF or
// its fonts from a URL; gpuplan always hands it the bytes) becomes this, which refuses. The
// bundles cannot reach the network through these even by mistake.
const refuse = (what) => {
  throw new Error(`gpuplan works offline: ${what} is not available`);
};
const offlineFetch = () => Promise.reject(new Error('gpuplan works offline: fetch is not available'));
class OfflineRequest {
  constructor() {
    refuse('an HTTP request');
  }
}
export { offlineFetch as fetch, OfflineRequest as XMLHttpRequest };
