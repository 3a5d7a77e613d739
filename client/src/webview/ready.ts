/**
 * A page set while VS Code is still restoring its panel after a window reload can be dropped:
 * VS Code for the Web keeps the panel's restored, scriptless state, and the preview would say
 * "Loading…" for ever. How long that lasts varies: in code-server, the pages set at 0 and 1.6 s
 * after a reload never said they were ready, the one set at 4.6 s did 2.4 s later, and in
 * another run one set at 20 s was ready in 62 ms; in full integration runs the page still said
 * "Loading…" after five settings over 26 s. Setting it again too soon does harm too: right
 * after a reload a page can take over 2 s to load, and one set again meanwhile said it was ready
 * and yet showed "Loading…" for good. So both previews set their page again for as long as it has
 * not said it is ready while its panel is visible, first after 4 s, then every 8 s, and again each
 * time the panel is shown and its page does not say it is ready. (No `vscode` import: the tests
 * drive it with a stand-in panel.)
 */

export interface ReadyOptions {
  /** How long a page may take to say it is ready before it is set again (doubled each time). */
  readonly waitMs?: number;
  /** The longest wait between two settings of the page. */
  readonly maxWaitMs?: number;
  /** How many times in a row it is set again at most (by default, until it is ready). */
  readonly attempts?: number;
}

/** The part of a webview panel this uses. */
export interface ReadyPanel {
  readonly visible: boolean;
  onDidChangeViewState(listener: () => void): { dispose(): void };
}

/**
 * Sets the page now, and again while `isReady()` is false and the panel visible; watches again
 * when the panel is shown and its page is not ready. Dispose to stop.
 */
export function setPageUntilReady(
  panel: ReadyPanel,
  setPage: () => void,
  isReady: () => boolean,
  { waitMs = 4000, maxWaitMs = 8000, attempts = Number.POSITIVE_INFINITY }: ReadyOptions = {},
): { dispose(): void } {
  let made = 0;
  let wait = waitMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    timer = undefined;
    if (isReady() || made >= attempts) return;
    if (panel.visible) {
      made++;
      setPage();
      wait = Math.min(wait * 2, maxWaitMs);
    }
    timer = setTimeout(check, wait);
  };
  const watch = () => {
    if (timer) clearTimeout(timer);
    made = 0;
    wait = waitMs;
    timer = setTimeout(check, wait);
  };
  // Shown again: VS Code loads a hidden page again itself, so it is set only if it does not say it is ready.
  const shown = panel.onDidChangeViewState(() => {
    if (panel.visible && !isReady()) watch();
  });
  setPage();
  watch();
  return {
    dispose: () => {
      shown.dispose();
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
