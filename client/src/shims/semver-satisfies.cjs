'use strict';
/**
 * What vscode-languageclient needs of `semver/functions/satisfies`: a parsed version (from
 * ./semver-parse.cjs, prerelease cleared by the caller) against a caret range "^X.Y.Z", the only
 * form its REQUIRED_VSCODE_VERSION takes. Any other range is not understood and does not match, so
 * an update of the library that changes the form fails test/unit/semver-shims.test.ts, not users.
 */
const parse = require('./semver-parse.cjs');

module.exports = function satisfies(version, range) {
  const v = typeof version === 'string' ? parse(version) : version;
  const caret = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(String(range).trim());
  if (!v || !caret || v.prerelease.length > 0) return false;
  const [major, minor, patch] = caret.slice(1).map(Number);
  const cmp = v.major - major || v.minor - minor || v.patch - patch;
  if (cmp < 0) return false;
  if (major > 0) return v.major === major;
  if (minor > 0) return v.major === 0 && v.minor === minor;
  return v.major === 0 && v.minor === 0 && v.patch === patch;
};
