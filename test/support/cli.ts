// `entpoort` run as a user runs it: a real process of bin/entpoort.js, with only the given
// environment (plus PATH), for one command or for a server that keeps running.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/entpoort.js', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function entpoort(args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export interface ServeProcess {
  process: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Stops it with SIGTERM, as an operator would, and resolves with its exit code. */
  stop(): Promise<number | null>;
}

/** Starts `entpoort serve` and resolves once it answers /readyz at `baseUrl`. */
export async function entpoortServe(
  env: Record<string, string>,
  baseUrl: string,
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const served: ServeProcess = {
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`entpoort serve ended:\n${output}`);
    const ready = await fetch(`${baseUrl}/readyz`).catch(() => undefined);
    if (ready?.status === 200) return served;
    await new Promise((r) => setTimeout(r, 200));
  }
  await served.stop();
  throw new Error(`entpoort serve did not get ready in time:\n${output}`);
}
