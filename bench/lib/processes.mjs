// Child processes for the run: free ports, start, wait until they answer, stop. Every child started here is
// remembered and killed by its own pid when the bench exits, however it exits.
import { spawn, execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';

const children = new Set();
const run = promisify(execFile);

process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `node <args>`; its output is kept (last 64 KiB) so a failure can be shown. `ipc` opens a channel. */
export function startNode(name, args, { env = {}, cwd, nodeOptions = [], ipc = false } = {}) {
  const stdio = ['ignore', 'pipe', 'pipe', ...(ipc ? ['ipc'] : [])];
  const child = spawn(process.execPath, [...nodeOptions, ...args], { cwd, env: { ...process.env, ...env }, stdio });
  children.add(child);
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-65_536);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    name,
    pid: child.pid,
    child,
    exited,
    output: () => output,
    /** Stops the process: SIGTERM then, after `graceMs`, SIGKILL. */
    async stop(graceMs = 5_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const result = await exited;
      clearTimeout(timer);
      children.delete(child);
      return result;
    },
    /** Kills without warning: whatever was acknowledged must already be on disk. */
    async crash() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      const result = await exited;
      children.delete(child);
      return result;
    },
  };
}

/** Polls `url` until it answers 2xx; fails early with the child's output if the child dies first. */
export async function waitForHttp(proc, url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let died = false;
  void proc.exited.then(() => (died = true));
  while (Date.now() < deadline) {
    if (died) throw new Error(`${proc.name} exited before it was ready:\n${proc.output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeoutMs} ms:\n${proc.output()}`);
}

/** Runs a short-lived node command (the operator CLI) and returns its stdout. */
export async function runNode(args, { env = {}, cwd } = {}) {
  try {
    const { stdout } = await run(process.execPath, args, { cwd, env: { ...process.env, ...env }, timeout: 60_000 });
    return stdout;
  } catch (error) {
    throw new Error(`node ${args.join(' ')} failed: ${error.stderr || error.message}`, { cause: error });
  }
}
