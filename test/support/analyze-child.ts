/**
 * Child process for one big pathological case: `node analyze-child.js <case-id>`. It builds the
 * input, warms the core up, analyses the input once and sends an AnalyzeReport to its parent
 * over IPC. A freeze or a crash (stack, heap) stays in this process; the parent has a deadline.
 * It runs with node's default stack and heap, like the CLI and the language server.
 */
import { analyzeReport, BIG_INPUTS, warmUp } from './pathological';

const id = process.argv[2];
// An own key only: a mistyped id must not find `toString` or another inherited member.
const build = Object.hasOwn(BIG_INPUTS, id) ? BIG_INPUTS[id] : undefined;
if (!build || !process.send) {
  process.stderr.write(`usage (forked, with IPC): analyze-child.js <${Object.keys(BIG_INPUTS).join('|')}>\n`);
  process.exit(2);
}
warmUp();
const text = build();
const report = analyzeReport(text);
process.send(report, () => process.exit(0));
