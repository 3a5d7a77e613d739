/**
 * Reading a plan that may be incomplete or wrongly typed: rules, the cost model and the
 * renderers run on plans with errors too, so every value is checked before it is used.
 */

export type PlanObject = Record<string, unknown>;

export const isObject = (value: unknown): value is PlanObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export const asObject = (value: unknown): PlanObject | undefined => (isObject(value) ? value : undefined);

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export const asInteger = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) ? value : undefined);

/** A whole number ≥ 0 (counts of servers, months, people). */
export const asCount = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined);

export const asNumber = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** A percentage within 0–100. */
export const asPercent = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100 ? value : undefined;

export const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A string with something other than white space in it. */
export const asNonBlank = (value: unknown): string | undefined => (typeof value === 'string' && value.trim().length > 0 ? value : undefined);

/** The value at `path` inside `root`, undefined as soon as a step is missing. */
export function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
    else current = isObject(current) && Object.prototype.hasOwnProperty.call(current, segment) ? current[segment] : undefined;
  }
  return current;
}
