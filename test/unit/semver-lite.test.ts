/**
 * The client's small stand-in for semver (client/src/semver, see esbuild.mjs): for the versions
 * VS Code reports and the caret range the language client checks, the same answers as semver.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ROOT } from '../support/fixtures';

/* eslint-disable @typescript-eslint/no-require-imports */
type Parsed = { major: number; minor: number; patch: number; prerelease: Array<string | number> } | null;
const lite = {
  parse: require(path.join(ROOT, 'client/src/semver/parse.js')) as (v: string) => Parsed,
  satisfies: require(path.join(ROOT, 'client/src/semver/satisfies.js')) as (v: Parsed | string, range: string) => boolean,
};
const real = {
  parse: require('semver/functions/parse') as (v: string) => Parsed,
  satisfies: require('semver/functions/satisfies') as (v: Parsed | string, range: string) => boolean,
};
/* eslint-enable @typescript-eslint/no-require-imports */

const VERSIONS = ['1.82.0', '1.81.9', '1.82.1', '1.100.3', '1.106.0-insider', '2.0.0', '0.82.0', '1.9.0', '1.820.0', 'v1.90.2', '1.90', 'x', ''];
const RANGES = ['^1.82.0', '^1.100.0'];

describe("client: semver stand-in (the language client's VS Code version check)", () => {
  it('parses like semver', () => {
    for (const v of VERSIONS) {
      const a = lite.parse(v);
      const b = real.parse(v);
      assert.deepEqual(a && { ...a, prerelease: [...a.prerelease] }, b && { major: b.major, minor: b.minor, patch: b.patch, prerelease: [...b.prerelease] }, v);
    }
  });

  it('answers the caret range like semver, with the pre-release cleared as the client does', () => {
    for (const v of VERSIONS) {
      for (const range of RANGES) {
        const a = lite.parse(v);
        const b = real.parse(v);
        if (!a || !b) continue;
        a.prerelease = [];
        b.prerelease = [];
        assert.equal(lite.satisfies(a, range), real.satisfies(b, range), `${v} ${range}`);
      }
    }
  });

  it('refuses what it does not know rather than guess', () => {
    assert.equal(lite.satisfies('1.90.0', '>=1.82.0'), false);
    assert.equal(lite.satisfies('1.90.0-insider', '^1.82.0'), false);
  });
});
