/**
 * A page set while VS Code is still restoring its panel after a window reload can be dropped:
 * VS Code for the Web keeps the panel's restored, scriptless state, and the preview would say
 * "Loading…" for ever. So both previews set their page again while it has not said it is ready
 * though its panel is visible, a few times. (No `vscode` import: the tests drive it with a
 * stand-in panel.)
 */

export interface ReadyOptions {
  /** How long a page may take to say it is ready before it is set again. */
  readonly waitMs?: number;
  /** How many times it is set again at most. */
  readonly attempts?: number;
}

/** Sets the page now, and again while `isReady()` is false and the panel visible. Dispose to stop. */
export function setPageUntilReady(
  panel: { readonly visible: boolean },
  setPage: () => void,
  isReady: () => boolean,
  { waitMs = 1500, attempts = 5 }: ReadyOptions = {},
): { dispose(): void } {
  let made = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    timer = undefined;
    if (isReady() || made >= attempts) return;
    if (panel.visible) {
      made++;
      setPage();
    }
    timer = setTimeout(check, waitMs);
  };
  setPage();
  timer = setTimeout(check, waitMs);
  return {
    dispose: () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
