/**
 * Computing once per distinct value within one run of a rule: the rows of 붙임0 mostly share
 * their dates, and a keystroke in the table runs the rules over every row.
 */

/** `compute` that computes once for each distinct value. */
export function memo<T>(compute: (value: string) => T): (value: string) => T {
  const known = new Map<string, T>();
  return (value) => {
    if (!known.has(value)) known.set(value, compute(value));
    return known.get(value) as T;
  };
}

/** `compute` that computes once for each distinct pair of values (no key string is made for a pair). */
export function memoPair<T>(compute: (first: string, second: string) => T): (first: string, second: string) => T {
  const known = new Map<string, Map<string, T>>();
  return (first, second) => {
    let inner = known.get(first);
    if (!inner) known.set(first, (inner = new Map<string, T>()));
    if (!inner.has(second)) inner.set(second, compute(first, second));
    return inner.get(second) as T;
  };
}
