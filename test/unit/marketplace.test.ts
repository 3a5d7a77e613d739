/**
 * The Marketplace page (README.marketplace.md, the README of the VSIX): its tables of commands,
 * settings and editor defaults are generated from the manifest by scripts/generate-marketplace.mjs
 * and must be current; it is Korean first with an English section; everything it links to is a
 * file in the VSIX; no "~" strikes text through. The repository README keeps the newcomer
 * commands on top.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/fixtures';

const GENERATOR = path.join(ROOT, 'scripts', 'generate-marketplace.mjs');
const PAGE = 'README.marketplace.md';
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

function generator(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [GENERATOR, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A copy of the files the generator reads, to break them. */
function tempCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gpuplan-marketplace-'));
  for (const file of [PAGE, 'package.json', 'package.nls.json', 'package.nls.ko.json']) fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  fs.symlinkSync(path.join(ROOT, 'media'), path.join(dir, 'media'));
  return dir;
}

/** Relative targets of the page's links and images. */
const relativeTargets = (page: string): string[] =>
  [...page.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#'));

describe('the Marketplace page (README.marketplace.md)', function () {
  this.timeout(60_000);

  it('--check passes on the committed page (run `npm run marketplace`)', () => {
    const { code, stdout, stderr } = generator('--check');
    assert.equal(code, 0, stderr);
    assert.match(stdout, /up to date/);
  });

  it('--check fails on a stale table, a stray "~", bold that does not render and a link to nothing; writing fixes the table', () => {
    const dir = tempCopy();
    try {
      const nls = path.join(dir, 'package.nls.ko.json');
      fs.writeFileSync(nls, fs.readFileSync(nls, 'utf8').replace('"command.export": "내보내기…"', '"command.export": "문서 내보내기…"'));
      const stale = generator('--check', '--root', dir);
      assert.equal(stale.code, 1);
      assert.match(stale.stderr, /README\.marketplace\.md is out of date/);
      assert.equal(generator('--root', dir).code, 0);
      assert.match(fs.readFileSync(path.join(dir, PAGE), 'utf8'), /\| gpuplan: 문서 내보내기… \|/);
      assert.equal(generator('--check', '--root', dir).code, 0);

      const page = path.join(dir, PAGE);
      fs.appendFileSync(page, '\n서버 2~32대, 3~12개월\n\n**「첨단 GPU 활용 지원 사업」**에 신청\n\n![gone](media/screenshots/ko/light/gone.png)\n');
      const broken = generator('--check', '--root', dir);
      assert.equal(broken.code, 1);
      assert.match(broken.stderr, /strike-through: 서버 2~32대/);
      assert.match(broken.stderr, /a "\*\*" that Markdown shows as is .*: \*\*「첨단/);
      assert.match(broken.stderr, /a link to media\/screenshots\/ko\/light\/gone\.png, which does not exist/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists every command of the palette with its shortcut, and every setting, in both languages', () => {
    const page = read(PAGE);
    const manifest = JSON.parse(read('package.json')) as {
      contributes: { commands: Array<{ command: string }>; keybindings: Array<{ key: string }>; configuration: { properties: Record<string, unknown> } };
    };
    const ko = JSON.parse(read('package.nls.ko.json')) as Record<string, string>;
    const en = JSON.parse(read('package.nls.json')) as Record<string, string>;
    assert.ok(page.includes(`| gpuplan: ${ko['command.insertSection']} | <kbd>Ctrl+K A</kbd>`));
    assert.ok(page.includes(`| gpuplan: ${en['command.previewDocument']} | <kbd>Ctrl+K V</kbd>`));
    assert.ok(!page.includes(en['command.applySnippet']), 'the internal command is not listed');
    for (const key of Object.keys(manifest.contributes.configuration.properties)) {
      assert.equal(page.split(`| \`${key}\` |`).length - 1, 2, `${key} once per language`);
    }
    assert.equal(page.split('<kbd>Ctrl+K').length - 1, manifest.contributes.keybindings.length * 2);
  });

  it('is Korean first, with an English section, and shows the editor, the cost preview and an exported page', () => {
    const page = read(PAGE);
    const english = page.indexOf('\n## English\n');
    assert.ok(english > 0, 'an English section');
    const [title] = page.split('\n');
    assert.match(title, /^# .*[가-힣]/, 'a Korean title');
    const korean = page.slice(0, english);
    const hangul = (text: string) => (text.match(/[가-힣]/g) ?? []).length;
    assert.ok(hangul(korean) > korean.length / 4, 'the first part is Korean');
    for (const [part, lang] of [
      [korean, 'ko'],
      [page.slice(english), 'en'],
    ] as const) {
      for (const shot of [
        `media/screenshots/${lang}/light/checks.png`,
        `media/screenshots/${lang}/light/cost-preview.png`,
        `media/screenshots/${lang}/page.png`,
      ]) {
        assert.ok(part.includes(`](${shot})`), `${lang}: ${shot}`);
      }
    }
  });

  it('links only to files the VSIX contains, each screenshot under 200 KB', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    const packaged = new Set(run.stdout.split('\n').map((line) => line.trim()));
    const targets = relativeTargets(read(PAGE));
    assert.ok(targets.length >= 6, targets.join(', '));
    for (const target of targets) {
      assert.ok(packaged.has(target), `${target} is in the VSIX`);
      if (target.endsWith('.png')) assert.ok(fs.statSync(path.join(ROOT, target)).size < 200 * 1024, `${target} < 200 KB`);
    }
    assert.match(read('package.json'), /"package": "[^"]*--readme-path README\.marketplace\.md/);
  });

  it('leaves the repository README for developers, with the two newcomer commands on top', () => {
    const readme = read('README.md');
    const firstBlock = /^# gpuplan\n\n```sh\n([^`]*)```/.exec(readme);
    assert.ok(firstBlock, 'a command block right under the title');
    assert.match(firstBlock[1], /npm install && npm run check:example/);
    assert.match(firstBlock[1], /npm install && npm run lint && npm test/);
  });
});
