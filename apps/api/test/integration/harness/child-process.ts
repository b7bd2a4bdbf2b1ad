import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from './build-output';
import type { OutputLog } from './output-log';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Children still running; killed if the test process exits without stopping them (a crash, a timeout). */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** A node child process whose stdout and stderr go, line by line and labelled, to a shared log. */
export class ManagedProcess {
  readonly exited: Promise<ExitInfo>;
  private exit: ExitInfo | null = null;
  private readonly child: ChildProcess;

  constructor(
    readonly label: string,
    script: string,
    args: string[],
    env: Record<string, string>,
    private readonly log: OutputLog,
  ) {
    this.child = spawn(process.execPath, [script, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(this.child);
    this.pipe(this.child.stdout, 'out');
    this.pipe(this.child.stderr, 'err');
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        live.delete(this.child);
        this.exit = { code, signal };
        log.add(`[${label}] exited (${signal ?? `code ${code}`})`);
        resolve(this.exit);
      });
      this.child.once('error', (error) => {
        live.delete(this.child);
        this.exit = { code: null, signal: null };
        log.add(`[${label}] could not start: ${error.message}`);
        resolve(this.exit);
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exit === null;
  }

  /** Resolves with the first output line matching `pattern`; rejects if the process exits first. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`${this.label}: no output matching ${pattern} within ${timeoutMs} ms`)), timeoutMs);
      const unsubscribe = this.log.subscribe((line) => {
        const mine = line.startsWith(`[${this.label}]`) || line.startsWith(`[${this.label} stderr]`);
        const match = mine ? pattern.exec(line) : null;
        if (match) done(null, match);
      });
      void this.exited.then((info) => done(new Error(`${this.label} exited (${info.signal ?? `code ${info.code}`}) before printing ${pattern}`)));
      function done(error: Error | null, match?: RegExpMatchArray): void {
        clearTimeout(timer);
        unsubscribe();
        if (error) reject(error);
        else if (match) resolve(match);
      }
    });
  }

  /** SIGKILL: the process gets no chance to finish anything, as in a crash or an OOM kill. */
  async kill(): Promise<void> {
    if (this.running) this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Sends `signal` and returns at once; `exited` says how the process ended. */
  signal(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  /** SIGTERM and a graceful shutdown; SIGKILL if it takes longer than `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  private pipe(stream: NodeJS.ReadableStream | null, kind: 'out' | 'err'): void {
    if (!stream) return;
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.log.add(`[${this.label}${kind === 'err' ? ' stderr' : ''}] ${line}`);
    });
    stream.on('end', () => {
      if (partial) this.log.add(`[${this.label}${kind === 'err' ? ' stderr' : ''}] ${partial}`);
    });
  }
}
