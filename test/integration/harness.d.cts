// Type declarations for harness.cjs (integration-test helpers usable from TypeScript suites):
//   import harness = require('../../../test/integration/harness.cjs');   // relative to the compiled file
// or, path-independent at runtime:
//   const harness: typeof import('../../../test/integration/harness.cjs') = require(process.env.GPUPLAN_HARNESS!);

export interface WaitForOptions {
  /** Give up after this many ms (default 10000). */
  timeoutMs?: number;
  /** Poll interval in ms (default 50). */
  intervalMs?: number;
  /** Included in the timeout error. */
  message?: string;
}

/** Poll `predicate` until it returns a truthy value (thrown errors count as "not yet"); resolves with that value. */
export function waitFor<T>(predicate: () => T | Promise<T>, options?: WaitForOptions): Promise<NonNullable<T>>;

export function sleep(ms: number): Promise<void>;

/** True when the runner can take screenshots (runCodeServer.mjs). */
export function screenshotsSupported(): boolean;

/**
 * Ask the runner to save a PNG of the whole workbench now (or of `clip`, a part of it). Relative paths resolve against
 * GPUPLAN_ARTIFACTS_DIR (default <repo>/test/artifacts). Resolves to the absolute path, or
 * `false` when the runner cannot take screenshots (runElectron.mjs).
 */
export function screenshot(file: string, options?: { timeoutMs?: number; clip?: ScreenshotClip }): Promise<string | false>;

/** A rectangle of the workbench page, in CSS pixels (e.g. an element's getBoundingClientRect()). */
export interface ScreenshotClip {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** True when harness.browser.* works (runCodeServer.mjs). */
export function browserSupported(): boolean;

export const browser: {
  /** Press a key or chord in the focused element (Playwright key names: 'Enter', 'ArrowDown', 'Control+A'...). */
  press(key: string, options?: { timeoutMs?: number }): Promise<void>;
  /** Type text into the focused element (quick input, input box, editor, webview...). */
  type(text: string, options?: { timeoutMs?: number }): Promise<void>;
  /** Evaluate a JS expression in the workbench page; resolves with its JSON-serialisable result. */
  evaluate<T = unknown>(expression: string, options?: { timeoutMs?: number }): Promise<T>;
  /**
   * Evaluate `expression` with `document`/`window` bound to each loaded webview's content;
   * resolves with one result per webview (empty while none is loaded).
   */
  evaluateInWebviews<T = unknown>(expression: string, options?: { timeoutMs?: number }): Promise<T[]>;
};

export const SCREENSHOT_MARKER: '__SCREENSHOT__';
export const HARNESS_MARKER: '__HARNESS__';
