// What the language client asks of semver (`semver/functions/parse`) to check VS Code's version,
// in a few lines instead of the 13 kB of semver in the client bundle (esbuild.mjs points the
// import here). `version` such as "1.100.3" or "1.101.0-insider": { major, minor, patch,
// prerelease } or null.
'use strict';
module.exports = function parse(version) {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(String(version).trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease: m[4] ? m[4].split('.') : [] } : null;
};
