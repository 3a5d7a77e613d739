import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bounded, validateInParts, validationErrors, validator } from '../../server/src/core/schema/compile';
import { EXAMPLES, FIXTURES } from '../support/fixtures';
import { makeInput } from '../fuzz/mutate';

/** What the whole schema's one validator says. */
function whole(value: unknown): unknown {
  const validate = validator();
  return validate(value) ? null : [...(validate.errors ?? [])];
}

function jsonFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? jsonFiles(file) : entry.name.endsWith('.json') ? [file] : [];
  });
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text.replace(/⟦|⟧/g, ''));
  } catch {
    return undefined;
  }
};

describe('validation in parts (the top level, each chapter, each row of the staff)', () => {
  before(() => {
    validateInParts();
  });

  const files = [...jsonFiles(EXAMPLES), ...jsonFiles(FIXTURES)];
  const values = files
    .map((file) => [path.relative(FIXTURES, file), parsed(fs.readFileSync(file, 'utf8'))] as const)
    .filter(([, value]) => value !== undefined);

  it(`gives exactly the errors of the whole schema, in its order, on ${values.length} examples and fixtures`, () => {
    for (const [name, value] of values) {
      assert.deepEqual(validationErrors(value), whole(value), name);
      // Again: now the chapters' errors are the ones kept from the first time.
      assert.deepEqual(validationErrors(value), whole(value), `${name}, kept`);
    }
  });

  it('gives exactly the errors of the whole schema on 600 mutated plans, missing and unknown chapters, other types', () => {
    const bases = Object.fromEntries(
      ['complete.gpuplan.json', 'mistakes.gpuplan.json', 'skeleton.gpuplan.json'].map((f) => [f, fs.readFileSync(path.join(EXAMPLES, f), 'utf8')]),
    );
    let compared = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const value = parsed(makeInput(seed, bases).text);
      if (value === undefined) continue;
      assert.deepEqual(validationErrors(bounded(value)), whole(bounded(value)), `seed ${seed}`);
      compared++;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const plan = value as Record<string, unknown>;
        const keys = Object.keys(plan);
        // A chapter missing, an unknown one, one of another type, and the root not an object.
        const variants: unknown[] = [
          Object.fromEntries(keys.filter((_, i) => i !== seed % keys.length).map((k) => [k, plan[k]])),
          { ...plan, [`extra${seed}`]: seed },
          { ...plan, [keys[seed % keys.length] ?? 'gpu']: seed % 2 ? 'text' : [seed] },
          keys,
          // The rows of a list: none, wrong ones, the same row twice (kept errors are per place).
          { ...plan, staff: [] },
          { ...plan, staff: [{}, seed, ...(Array.isArray(plan.staff) ? (plan.staff as unknown[]).slice(0, 2) : [])] },
          {
            ...plan,
            staff: Array.isArray(plan.staff) && plan.staff.length > 0 ? [plan.staff[0], { ...(plan.staff[0] as object), extra: 1 }, plan.staff[0]] : 'none',
          },
        ];
        for (const variant of variants) assert.deepEqual(validationErrors(variant), whole(variant), `seed ${seed}, variant`);
      }
    }
    assert.ok(compared > 150, `only ${compared} mutated plans were JSON`);
  });
});
