import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export type Dialect = 'sqlite' | 'postgres';

/** The PostgreSQL server test databases are created on; without it only SQLite runs. */
export const POSTGRES_URL = process.env.GOALPOST_TEST_POSTGRES_URL || undefined;

export const POSTGRES_SKIPPED = 'PostgreSQL integration suite skipped: set GOALPOST_TEST_POSTGRES_URL=postgres://… to run it';

/**
 * A database nobody else uses, for one suite: a fresh SQLite file in a temp dir, or a fresh PostgreSQL
 * database on the server in GOALPOST_TEST_POSTGRES_URL, dropped afterwards. The temp dir is created in
 * both cases: it holds the generated secret and keeps Goalpost from writing under the repository.
 */
export class TestDatabase {
  private constructor(
    readonly dialect: Dialect,
    readonly dataDir: string,
    private readonly ownsDir: boolean,
    /** Set for PostgreSQL only; SQLite is found through DATA_DIR. */
    readonly databaseUrl: string | undefined,
    private readonly drop: () => Promise<void>,
  ) {}

  /** `dataDir`: a directory the caller owns (say, a small filesystem) instead of a fresh temp dir; left in place. */
  static async create(dialect: Dialect, options: { dataDir?: string } = {}): Promise<TestDatabase> {
    const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), `gp-it-${dialect}-`)));
    const ownsDir = options.dataDir === undefined;
    if (dialect === 'sqlite') return new TestDatabase(dialect, dataDir, ownsDir, undefined, async () => undefined);

    const serverUrl = postgresServerUrl();
    const name = `gp_it_${randomBytes(6).toString('hex')}`;
    await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return new TestDatabase(dialect, dataDir, ownsDir, url.toString(), () =>
      withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
    );
  }

  /** The variables that point Goalpost (server or CLI) at this database. */
  get env(): Record<string, string> {
    return { DATA_DIR: this.dataDir, ...(this.databaseUrl ? { DATABASE_URL: this.databaseUrl } : {}) };
  }

  /**
   * Everything the database holds, as text to search: every file in the data directory (SQLite's database,
   * journal and WAL, read byte for byte), or for PostgreSQL every row of every table as JSON.
   */
  async contents(): Promise<string> {
    if (!this.databaseUrl) {
      const files = await readdir(this.dataDir, { recursive: true, withFileTypes: true });
      const texts = await Promise.all(files.filter((f) => f.isFile()).map((f) => readFile(join(f.parentPath, f.name), 'latin1')));
      return texts.join('\n');
    }
    return withClient(this.databaseUrl, async (client) => {
      const tables = await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`);
      const rows: string[] = [];
      for (const { name } of tables.rows) {
        const result = await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name}" t`);
        rows.push(...result.rows.map((r) => `${name}: ${r.row}`));
      }
      return rows.join('\n');
    });
  }

  async destroy(): Promise<void> {
    try {
      await this.drop();
    } finally {
      if (this.ownsDir) await rm(this.dataDir, { recursive: true, force: true });
    }
  }
}

function postgresServerUrl(): string {
  if (!POSTGRES_URL) throw new Error('GOALPOST_TEST_POSTGRES_URL is not set');
  return POSTGRES_URL;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
