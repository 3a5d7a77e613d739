/** Runs an editor session script in a scratch folder and reads the results it recorded. */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/fixtures';

export interface SessionResults {
  readonly results: ReadonlyArray<{ readonly name: string; readonly ok: boolean; readonly detail: string }>;
  readonly output: string;
  readonly [other: string]: unknown;
}

/** The first line of `program --version`, or undefined when it is not installed. */
export function versionOf(program: string): string | undefined {
  const run = spawnSync(program, ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.split('\n')[0] : undefined;
}

/**
 * Copies the mistakes example into a scratch folder and runs `program args…` there, with
 * GPUPLAN_SERVER, GPUPLAN_PLAN, GPUPLAN_RESULT and GPUPLAN_SCRATCH set and HOME in the scratch
 * folder (no user configuration).
 */
export async function runSession(
  program: string,
  args: (dir: string, plan: string) => string[],
  env: Record<string, string> = {},
  timeoutMs = 100_000,
): Promise<SessionResults> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gpuplan-${path.basename(program)}-`));
  try {
    const plan = path.join(dir, 'mistakes.gpuplan.json');
    fs.copyFileSync(path.join(ROOT, 'examples', 'mistakes.gpuplan.json'), plan);
    const result = path.join(dir, 'result.json');
    const child = spawn(program, args(dir, plan), {
      cwd: dir,
      env: {
        ...process.env,
        HOME: dir,
        XDG_CONFIG_HOME: dir,
        XDG_STATE_HOME: dir,
        XDG_DATA_HOME: dir,
        GPUPLAN_SERVER: path.join(ROOT, 'dist', 'server.js'),
        GPUPLAN_PLAN: plan,
        GPUPLAN_RESULT: result,
        GPUPLAN_SCRATCH: dir,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await new Promise<void>((resolve) =>
      child.on('exit', () => {
        resolve();
      }),
    );
    clearTimeout(timer);
    if (!fs.existsSync(result)) throw new Error(`${program} wrote no results; its output:\n${output}`);
    return { ...(JSON.parse(fs.readFileSync(result, 'utf8')) as object), output } as SessionResults;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
