/**
 * The state a preview's page keeps with `vscode.setState` (which plan it shows, how far it is
 * scrolled) and that VS Code hands back to the panel serializer after a window reload. It comes
 * from the webview, so it is read like any other untrusted input. Pure, unit-tested directly.
 */

export interface SavedState {
  /** The plan the page showed, as a URI string. */
  readonly uri?: string;
  /** The page's vertical scroll position in CSS pixels. */
  readonly scrollY?: number;
}

/** Long enough for any real URI; a longer string is not one of ours. */
const MAX_URI_LENGTH = 8192;

export function savedState(raw: unknown): SavedState {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const { uri, scrollY } = raw as Record<string, unknown>;
  return {
    ...(typeof uri === 'string' && uri.length > 0 && uri.length <= MAX_URI_LENGTH && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri) ? { uri } : {}),
    ...(typeof scrollY === 'number' && Number.isFinite(scrollY) && scrollY >= 0 ? { scrollY } : {}),
  };
}
