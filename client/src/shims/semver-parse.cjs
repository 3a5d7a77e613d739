'use strict';
/**
 * What vscode-languageclient needs of `semver/functions/parse` (its one use: checking the VS Code
 * version in LanguageClient.checkVersion), in a few lines instead of the 20 KB of semver in the
 * client bundle. esbuild.mjs aliases the module to this file for the client only;
 * test/unit/semver-shims.test.ts holds it to semver's answers.
 */
module.exports = function parse(version) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(String(version).trim());
  if (!match) return null;
  return {
    version: String(version),
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] ? match[4].split('.') : [],
  };
};
