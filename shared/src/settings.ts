/**
 * The `gpuplan.*` settings, typed once for both sides, and the one function that reads them.
 * Settings come from users' JSON files in any shape: a mistyped value is dropped (with a line
 * for the output channel), never passed on, and never a crash.
 */

export type RuleLevel = 'error' | 'warning' | 'information' | 'hint' | 'off';

export const RULE_LEVELS: readonly RuleLevel[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface GpuplanSettings {
  validation: {
    /** Milliseconds to wait after a keystroke before validating; 0 validates at once. */
    delayMs: number;
    /** At most this many problems are shown per document (the most severe first); the rest are counted in one. */
    maxProblems: number;
  };
  /** Per-rule severity overrides: rule code → level ("off" silences the rule). */
  rules: Record<string, RuleLevel>;
  abbreviations: {
    /** Acronyms that need no full name, on top of the built-in list. */
    allowlist: string[];
  };
}

export const DEFAULT_SETTINGS: GpuplanSettings = {
  validation: { delayMs: 100, maxProblems: 500 },
  rules: {},
  abbreviations: { allowlist: [] },
};

/** The most a validation may wait (the manifest's maximum). */
export const MAX_DELAY_MS = 5000;

/** The most problems that may be shown per document (the manifest's maximum). */
export const MAX_PROBLEMS_LIMIT = 10_000;

export interface NormalizedSettings {
  readonly settings: GpuplanSettings;
  /** One line per dropped value, in English (for the output channel). */
  readonly problems: readonly string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads raw `gpuplan` settings (the object under `gpuplan`, as `workspace/configuration`
 * returns it). `ruleCodes`, when given, are the codes a severity may be set for.
 */
export function normalizeSettings(raw: unknown, ruleCodes?: ReadonlySet<string>): NormalizedSettings {
  const problems: string[] = [];
  const value = isRecord(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isRecord(raw))
    problems.push(`gpuplan: settings must be an object; got ${JSON.stringify(raw)}. Using the defaults.`);

  let delayMs = DEFAULT_SETTINGS.validation.delayMs;
  let maxProblems = DEFAULT_SETTINGS.validation.maxProblems;
  const validation = value.validation;
  if (validation !== undefined) {
    const delay = isRecord(validation) ? validation.delayMs : undefined;
    if (typeof delay === 'number' && Number.isFinite(delay)) delayMs = Math.min(Math.max(delay, 0), MAX_DELAY_MS);
    else if (delay !== undefined || !isRecord(validation))
      problems.push(`gpuplan.validation.delayMs: expected a number of milliseconds; got ${JSON.stringify(delay ?? validation)}. Using ${delayMs}.`);
    const most = isRecord(validation) ? validation.maxProblems : undefined;
    if (typeof most === 'number' && Number.isFinite(most)) maxProblems = Math.min(Math.max(Math.floor(most), 1), MAX_PROBLEMS_LIMIT);
    else if (most !== undefined)
      problems.push(`gpuplan.validation.maxProblems: expected a number of problems; got ${JSON.stringify(most)}. Using ${maxProblems}.`);
  }

  const rules: Record<string, RuleLevel> = {};
  if (value.rules !== undefined) {
    if (!isRecord(value.rules)) {
      problems.push(`gpuplan.rules: expected an object of rule code → level; got ${JSON.stringify(value.rules)}. Ignored.`);
    } else {
      for (const [code, level] of Object.entries(value.rules)) {
        if (ruleCodes && !ruleCodes.has(code)) problems.push(`gpuplan.rules: "${code}" is not a gpuplan rule. Ignored.`);
        else if (typeof level !== 'string' || !(RULE_LEVELS as readonly string[]).includes(level))
          problems.push(`gpuplan.rules.${code}: expected one of ${RULE_LEVELS.join(', ')}; got ${JSON.stringify(level)}. Ignored.`);
        else rules[code] = level as RuleLevel;
      }
    }
  }

  const allowlist: string[] = [];
  if (value.abbreviations !== undefined) {
    const list = isRecord(value.abbreviations) ? value.abbreviations.allowlist : undefined;
    if (Array.isArray(list)) {
      for (const item of list) {
        if (typeof item === 'string' && /^[A-Za-z][A-Za-z0-9&-]*$/.test(item)) allowlist.push(item);
        else problems.push(`gpuplan.abbreviations.allowlist: ${JSON.stringify(item)} is not an acronym. Ignored.`);
      }
    } else if (list !== undefined || !isRecord(value.abbreviations)) {
      problems.push(`gpuplan.abbreviations.allowlist: expected a list of acronyms; got ${JSON.stringify(list ?? value.abbreviations)}. Ignored.`);
    }
  }

  return { settings: { validation: { delayMs, maxProblems }, rules, abbreviations: { allowlist } }, problems };
}
