import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { ApiClient } from './api-client';
import { API_CLI, API_MAIN, REPO_ROOT, SANDBOX_MAIN, assertBuilt } from './build-output';
import { ManagedProcess, type ExitInfo } from './child-process';
import { freePort } from './free-port';
import { OutputLog } from './output-log';
import { SandboxClient } from './sandbox-client';
import { TestDatabase, type Dialect } from './test-database';
import { waitFor } from './wait-for';

const run = promisify(execFile);

/** What the sandbox accepts, and so what Goalpost must send upstream (a suite may start its stack with another). */
export const AFLITE_API_KEY = 'it-aflite-key';

export interface StackOptions {
  dataDir?: string;
  /** The Aflite API key both the sandbox and the api are given. */
  afliteApiKey?: string;
}
export const AFLITE_MID = '4242';
/** The goal every suite has, created with the CLI as a merchant would. */
export const GOAL_ID = '5';

export const ALLOWED_ORIGIN = 'https://shop.example';
export const REDIRECT_HOST = 'landing.example';

/** Fast delivery tuning, so retries, backoff and the circuit breaker play out in well under a second. */
const DELIVERY_TUNING: Record<string, string> = {
  DELIVERY_POLL_MS: '100',
  DELIVERY_RETRY_BASE_MS: '200',
  DELIVERY_RETRY_MAX_MS: '1000',
  DELIVERY_TIMEOUT_MS: '1000',
  // The shortest lease the api accepts with that timeout (two calls of up to 3 s, plus 2 s).
  DELIVERY_LEASE_MS: '8000',
  CIRCUIT_FAILURE_THRESHOLD: '3',
  CIRCUIT_WINDOW_MS: '2000',
  CIRCUIT_COOLDOWN_MS: '500',
  DELIVERY_MAX_ATTEMPTS: '4',
};

/**
 * Settings seeded from the environment are stored, so dropping the variable does not undo them: going
 * back to the base environment sets these explicitly to their defaults.
 */
const STORED_SETTING_DEFAULTS: Record<string, string> = { AFLITE_METHOD: 'POST' };

/**
 * One sandbox and one api process on a database of their own. Tests share it and reset the sandbox
 * between them; a test that needs other settings asks for an api with `useApi(overrides)`, which
 * restarts it only when the overrides differ from the running one's.
 */
export class Stack {
  private apiProcess: ManagedProcess | null = null;
  private apiOverrides: Record<string, string> = {};
  private apiClient: ApiClient | null = null;
  private starts = 0;

  private constructor(
    readonly dialect: Dialect,
    /** Output of every process of this stack, for failing tests to print. */
    readonly log: OutputLog,
    readonly database: TestDatabase,
    private readonly sandboxProcess: ManagedProcess,
    readonly sandbox: SandboxClient,
    readonly ingestKey: string,
    /** Where the stack's api listens (kept across restarts). */
    readonly apiPort: number,
    readonly afliteApiKey: string,
  ) {}

  static async start(dialect: Dialect, options: StackOptions = {}): Promise<Stack> {
    const afliteApiKey = options.afliteApiKey ?? AFLITE_API_KEY;
    assertBuilt();
    const database = await TestDatabase.create(dialect, options);
    const log = new OutputLog();
    const sandboxProcess = new ManagedProcess(
      'sandbox',
      SANDBOX_MAIN,
      [],
      { ...baseEnv(), SANDBOX_PORT: '0', SANDBOX_API_KEY: afliteApiKey, SANDBOX_MID: AFLITE_MID },
      log,
    );
    try {
      const [listening, ingestKey, apiPort] = await Promise.all([
        sandboxProcess.waitForLine(/listening on (http:\/\/\S+)/, 15_000),
        setUpWithCli(database),
        freePort(),
      ]);
      const stack = new Stack(dialect, log, database, sandboxProcess, new SandboxClient(listening[1]), ingestKey, apiPort, afliteApiKey);
      await stack.useApi();
      return stack;
    } catch (error) {
      await sandboxProcess.stop();
      await database.destroy();
      throw withOutput(error, log.since(0));
    }
  }

  get api(): ApiClient {
    if (!this.apiClient) throw new Error('the api is not running');
    return this.apiClient;
  }

  get apiPid(): number | undefined {
    return this.apiProcess?.pid;
  }

  /** Makes sure an api with exactly these environment overrides is running (restarting it if not). */
  async useApi(overrides: Record<string, string> = {}): Promise<ApiClient> {
    if (this.apiProcess?.running && sameEnv(this.apiOverrides, overrides)) return this.api;
    await this.stopApi();
    return this.startApi(overrides);
  }

  /** Starts an api process (none may be running) and waits until /health answers. */
  async startApi(overrides: Record<string, string> = {}): Promise<ApiClient> {
    if (this.apiProcess?.running) throw new Error('an api process is already running');
    const restore = Object.fromEntries(Object.entries(STORED_SETTING_DEFAULTS).filter(([name]) => name in this.apiOverrides && !(name in overrides)));
    this.starts += 1;
    const { process: apiProcess, client } = await this.launch(`api#${this.starts}`, this.apiPort, { ...restore, ...overrides });
    this.apiProcess = apiProcess;
    this.apiOverrides = { ...overrides };
    this.apiClient = client;
    return client;
  }

  /**
   * Another api process on the same database and sandbox, on a port of its own, as a second instance of a
   * scaled-out deployment would be (PostgreSQL). The caller stops or kills it.
   */
  async startInstance(label: string, overrides: Record<string, string> = {}, port?: number): Promise<ApiInstance> {
    const instancePort = port ?? (await freePort());
    const { process, client } = await this.launch(label, instancePort, overrides);
    return new ApiInstance(process, client, instancePort);
  }

  /**
   * An api process that is expected not to start (a port already in use, say): runs it until it exits,
   * killing it if it is still running after `timeoutMs`, and answers how it ended.
   */
  async runInstanceToExit(label: string, overrides: Record<string, string>, port: number, timeoutMs = 30_000): Promise<ExitInfo> {
    const apiProcess = new ManagedProcess(label, API_MAIN, [], { ...this.apiEnv(), PORT: String(port), ...overrides }, this.log);
    const timer = setTimeout(() => void apiProcess.kill(), timeoutMs);
    try {
      return await apiProcess.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The operator CLI on the stack's database (nothing else of the api's environment); answers its stdout. */
  async cli(...args: string[]): Promise<string> {
    const { stdout } = await run(process.execPath, [API_CLI, ...args], { cwd: REPO_ROOT, env: { ...baseEnv(), ...this.database.env } });
    return stdout;
  }

  /** Starts an api process with the stack's environment plus `overrides`, and waits until /health answers. */
  private async launch(label: string, port: number, overrides: Record<string, string>): Promise<{ process: ManagedProcess; client: ApiClient }> {
    const env = { ...this.apiEnv(), PORT: String(port), ...overrides };
    const apiProcess = new ManagedProcess(label, API_MAIN, [], env, this.log);
    const client = new ApiClient(`http://127.0.0.1:${port}`, this.ingestKey);
    const healthy = waitFor(
      async () => {
        if (!apiProcess.running) return;
        const res = await client.http.get('/health');
        if (res.status !== 200) throw new Error(`GET /health answered ${res.status}`);
      },
      30_000,
      100,
    );
    try {
      // A process that dies at boot fails the start at once rather than after the whole wait.
      await Promise.race([healthy, apiProcess.exited]);
      if (!apiProcess.running) throw new Error(`the process exited (${describeExit(await apiProcess.exited)})`);
    } catch (error) {
      await apiProcess.stop();
      await client.close();
      // The output is in this.log: a failing test prints it, and start() adds it to its own error.
      throw new Error(`the api did not become healthy: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    return { process: apiProcess, client };
  }

  /**
   * Runs the operator CLI (the built dist) against this stack's database, as a separate process with no
   * terminal, feeding `input` on its standard input; never throws for a non-zero exit.
   */
  runCli(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [API_CLI, ...args], { cwd: REPO_ROOT, env: { ...baseEnv(), ...this.database.env, ...options.env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(options.input ?? '');
    });
  }

  /** Graceful stop (SIGTERM), as a deploy would do. */
  async stopApi(): Promise<void> {
    await this.apiProcess?.stop();
    await this.apiClient?.close();
    this.apiClient = null;
  }

  /**
   * Sends a signal to the api process without waiting for it to stop (a deploy's SIGTERM, an operator's
   * second one); resolves with how it exited. Call `stopApi` afterwards to drop the client.
   */
  signalApi(signal: NodeJS.Signals): Promise<ExitInfo> {
    const apiProcess = this.apiProcess;
    if (!apiProcess?.running) throw new Error('the api is not running');
    apiProcess.signal(signal);
    return apiProcess.exited;
  }

  /** SIGKILL: a crash in the middle of whatever the api was doing. */
  async killApi(): Promise<void> {
    await this.apiProcess?.kill();
    await this.apiClient?.close();
    this.apiClient = null;
  }

  async stop(): Promise<void> {
    try {
      await this.stopApi();
      await this.sandbox.close();
      await this.sandboxProcess.stop();
    } finally {
      await this.database.destroy();
    }
  }

  private apiEnv(): Record<string, string> {
    return {
      ...baseEnv(),
      ...this.database.env,
      PORT: String(this.apiPort),
      HOST: '127.0.0.1',
      AFLITE_BASE_URL: this.sandbox.url,
      AFLITE_API_KEY: this.afliteApiKey,
      AFLITE_MID,
      ALLOWED_ORIGINS: ALLOWED_ORIGIN,
      REDIRECT_HOSTS: REDIRECT_HOST,
      ...DELIVERY_TUNING,
    };
  }
}

/** An extra api process of a stack (see Stack.startInstance). */
export class ApiInstance {
  constructor(
    private readonly process: ManagedProcess,
    readonly api: ApiClient,
    /** Kept, so the instance can be started again where its clients expect it. */
    readonly port: number,
  ) {}

  get running(): boolean {
    return this.process.running;
  }

  /** SIGKILL: a crash. */
  async kill(): Promise<void> {
    await this.process.kill();
    await this.api.close();
  }

  /** SIGTERM and a graceful shutdown. */
  async stop(): Promise<void> {
    await this.process.stop();
    await this.api.close();
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Only what node needs plus a fixed secret: nothing from the developer's own Goalpost environment leaks in. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = { LOG_LEVEL: 'warn', GOALPOST_SECRET: 'integration-test-secret-0123456789' };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** The goal and the ingest key, made with the operator CLI against the suite's database before the api starts. */
async function setUpWithCli(database: TestDatabase): Promise<string> {
  const env = { ...baseEnv(), ...database.env };
  const cli = (...args: string[]) => run(process.execPath, [API_CLI, ...args], { cwd: REPO_ROOT, env });
  try {
    await cli('goal', 'add', GOAL_ID, 'Sale', '--default-value', '10.00', '--allow-browser');
    const { stdout } = await cli('ingest-key', 'create', 'it');
    const key = /\bgpk_[A-Za-z0-9_-]+/.exec(stdout)?.[0];
    if (!key) throw new Error(`no ingest key in the CLI's output:\n${stdout}`);
    return key;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw withOutput(error, `[cli] ${stdout}\n[cli stderr] ${stderr}`);
  }
}

function describeExit(exit: ExitInfo): string {
  return exit.signal ?? `code ${exit.code}`;
}

function sameEnv(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

function withOutput(error: unknown, output: string): Error {
  const base = error instanceof Error ? error : new Error(String(error));
  base.message = `${base.message}\n--- process output ---\n${output}`;
  return base;
}
