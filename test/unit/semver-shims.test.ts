/**
 * The client bundle replaces semver (20 KB) by two shims for vscode-languageclient's one use of it,
 * its VS Code version check (esbuild.mjs aliases the modules for the client only). They must give
 * semver's answers for that use: the library's own required range, VS Code versions as they come
 * (stable, insiders with a prerelease tag the client clears first), and nonsense.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../support/fixtures';

type Parsed = { major: number; minor: number; patch: number; prerelease: (string | number)[] } | null;
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS modules, loaded as the bundle loads them */
const shimParse = require(path.join(ROOT, 'client', 'src', 'shims', 'semver-parse.cjs')) as (v: string) => Parsed;
const shimSatisfies = require(path.join(ROOT, 'client', 'src', 'shims', 'semver-satisfies.cjs')) as (v: Parsed | string, range: string) => boolean;
const semverParse = require('semver/functions/parse') as (v: string) => Parsed;
const semverSatisfies = require('semver/functions/satisfies') as (v: Parsed | string, range: string) => boolean;
/* eslint-enable @typescript-eslint/no-require-imports */

/** The range vscode-languageclient requires, read from the library the bundle contains. */
const REQUIRED = /const REQUIRED_VSCODE_VERSION = '([^']+)'/.exec(
  fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-languageclient', 'lib', 'node', 'main.js'), 'utf8'),
)?.[1];

/** What LanguageClient.checkVersion does with a version: parse, clear the prerelease, test the range. */
function check(parse: (v: string) => Parsed, satisfies: (v: Parsed, r: string) => boolean, version: string, range: string): string {
  const parsed = parse(version);
  if (!parsed) return 'invalid';
  if (parsed.prerelease.length > 0) parsed.prerelease = [];
  return satisfies(parsed, range) ? 'ok' : 'refused';
}

const VERSIONS = ['1.100.0', '1.100.3', '1.82.0', '1.81.9', '1.999.0', '2.0.0', '0.9.0', '1.101.0-insider', '1.82.0-insider', 'v1.90.1', '1.90', 'x.y.z', ''];
const RANGES = ['^1.82.0', '^1.100.0', '^0.3.1', '^0.0.4', '^2.1.0'];

describe('semver shims of the client bundle', () => {
  it("read the library's required range as a caret range", () => {
    assert.match(REQUIRED ?? '', /^\^\d+\.\d+\.\d+$/, 'vscode-languageclient changed the form of REQUIRED_VSCODE_VERSION: extend client/src/shims');
  });

  it('answer as semver does for VS Code versions against caret ranges, the required one included', () => {
    for (const range of [REQUIRED ?? '^1.82.0', ...RANGES]) {
      for (const version of VERSIONS) {
        assert.equal(check(shimParse, shimSatisfies, version, range), check(semverParse, semverSatisfies, version, range), `${version} against ${range}`);
      }
    }
  });

  it('parse the numbers and the prerelease as semver does', () => {
    for (const version of VERSIONS) {
      const ours = shimParse(version);
      const theirs = semverParse(version);
      assert.deepEqual(
        ours && { major: ours.major, minor: ours.minor, patch: ours.patch, prerelease: ours.prerelease.map(String) },
        theirs && { major: theirs.major, minor: theirs.minor, patch: theirs.patch, prerelease: theirs.prerelease.map(String) },
        version,
      );
    }
  });
});
