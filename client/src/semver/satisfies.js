// `semver/functions/satisfies` for the one range the language client checks: a caret range
// "^M.m.p" with M ≥ 1 (same major, at least M.m.p); a pre-release never satisfies it. Any other
// range is refused (false), never guessed.
'use strict';
const parse = require('./parse');
module.exports = function satisfies(version, range) {
  const r = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(String(range).trim());
  const v = typeof version === 'string' ? parse(version) : version;
  if (!r || !v || Number(r[1]) < 1 || v.prerelease.length > 0) return false;
  const [major, minor, patch] = [Number(r[1]), Number(r[2]), Number(r[3])];
  return v.major === major && (v.minor > minor || (v.minor === minor && v.patch >= patch));
};
