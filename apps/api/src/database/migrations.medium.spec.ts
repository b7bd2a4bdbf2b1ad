import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource, TableColumn, type EntityMetadata, type Table } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POSTGRES_TIMEOUTS, type DatabaseConfig } from '../config/app-config';
// eslint-disable-next-line import-x/no-restricted-paths -- this spec compares the app's entities with the migrations
import { ENTITIES } from '../entities';
import { dataSourceOptions } from './data-source-options';

/**
 * The migrations against the entities, on a fresh database of each dialect: an entity changed without a
 * migration, or a migration that does not undo cleanly, fails here instead of on a merchant's install.
 */

const POSTGRES_SERVER = process.env.GOALPOST_TEST_POSTGRES_URL || undefined;

interface ScratchDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

function scratchSqlite(): ScratchDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'goalpost-migrations-'));
  return { config: { dialect: 'sqlite', path: join(dir, 'goalpost.sqlite') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function scratchPostgres(server: string): Promise<ScratchDatabase> {
  const name = `gp_migrations_${randomBytes(6).toString('hex')}`;
  const onServer = async (sql: string) => {
    const client = new Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await onServer(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    config: { dialect: 'postgres', url: url.toString(), timeouts: DEFAULT_POSTGRES_TIMEOUTS },
    drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

const describeColumn = (c: Pick<TableColumn, 'type' | 'length' | 'isNullable' | 'isPrimary' | 'isGenerated' | 'isUnique' | 'default'>) =>
  `${c.type}${c.length ? `(${c.length})` : ''}${c.isNullable ? ' null' : ' not null'}${c.isPrimary ? ' primary' : ''}` +
  `${c.isGenerated ? ' generated' : ''}${c.isUnique ? ' unique' : ''}${c.default === undefined ? '' : ` default ${String(c.default)}`}`;

/**
 * What the migrated schema lacks or has beyond what the entities map, compared the way TypeORM's own schema
 * sync compares (driver.findChangedColumns). The migrations also create indexes, foreign keys and defaults
 * that the entities do not declare; those are the migrations' business and are not reported, but every one
 * an entity does declare must be there.
 */
async function driftFromEntities(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const drift: string[] = [];
    const migrationsTable = dataSource.options.migrationsTableName ?? 'migrations';
    const names = (await tableNames(dataSource)).filter((name) => name !== migrationsTable);
    for (const name of names) {
      if (!dataSource.entityMetadatas.some((m) => m.tablePath === name)) drift.push(`table ${name} is in the schema but no entity maps it`);
    }
    const tables = await runner.getTables(names);
    for (const metadata of dataSource.entityMetadatas) {
      const table = tables.find((t) => t.name === metadata.tablePath);
      if (!table) {
        drift.push(`table ${metadata.tablePath} is mapped by ${metadata.name} but not in the schema`);
        continue;
      }
      drift.push(...columnDrift(dataSource, metadata.columns, table), ...declaredConstraintDrift(metadata, table));
    }
    return drift;
  } finally {
    await runner.release();
  }
}

function columnDrift(dataSource: DataSource, mapped: EntityMetadata['columns'], table: Table): string[] {
  const drift: string[] = [];
  for (const column of table.columns) {
    if (!mapped.some((c) => c.databaseName === column.name)) drift.push(`column ${table.name}.${column.name} is in the schema but not mapped`);
  }
  for (const column of mapped) {
    if (!table.columns.some((c) => c.name === column.databaseName)) drift.push(`column ${table.name}.${column.databaseName} is mapped but not in the schema`);
  }
  const comparable = table.columns.map((c) => {
    // A default the entity leaves unsaid is the migration's; one it states must match.
    const defaultUnsaid = mapped.find((m) => m.databaseName === c.name)?.default === undefined;
    // SQLite reports an INTEGER PRIMARY KEY as nullable, but as an alias of the rowid it can never hold NULL.
    const rowid = dataSource.options.type === 'sqlite' && c.isPrimary && c.isGenerated && c.type === 'integer';
    return new TableColumn({ ...c, default: defaultUnsaid ? undefined : c.default, isNullable: rowid ? false : c.isNullable });
  });
  for (const column of dataSource.driver.findChangedColumns(comparable, mapped)) {
    const inSchema = table.columns.find((c) => c.name === column.databaseName);
    const asMapped = {
      type: dataSource.driver.normalizeType(column),
      length: column.length,
      isNullable: column.isNullable,
      isPrimary: column.isPrimary,
      isGenerated: column.isGenerated,
      isUnique: dataSource.driver.normalizeIsUnique(column),
      default: column.default === undefined ? undefined : dataSource.driver.normalizeDefault(column),
    };
    drift.push(`column ${table.name}.${column.databaseName}: mapped ${describeColumn(asMapped)}, schema has ${inSchema ? describeColumn(inSchema) : '?'}`);
  }
  return drift;
}

function declaredConstraintDrift(metadata: EntityMetadata, table: Table): string[] {
  const sameColumns = (a: string[], b: string[]) => a.length === b.length && a.every((name, i) => name === b[i]);
  const drift: string[] = [];
  for (const index of metadata.indices) {
    const columns = index.columns.map((c) => c.databaseName);
    const found = table.indices.some((i) => i.name === index.name && sameColumns(i.columnNames, columns) && Boolean(i.isUnique) === index.isUnique);
    if (!found) drift.push(`index ${index.name} on ${table.name} (${columns.join(', ')}) is declared but not in the schema`);
  }
  for (const unique of metadata.uniques) {
    const columns = unique.columns.map((c) => c.databaseName);
    const found =
      table.uniques.some((u) => sameColumns(u.columnNames, columns)) || table.indices.some((i) => i.isUnique && sameColumns(i.columnNames, columns));
    if (!found) drift.push(`unique (${columns.join(', ')}) on ${table.name} is declared but not in the schema`);
  }
  for (const foreignKey of metadata.foreignKeys) {
    const columns = foreignKey.columns.map((c) => c.databaseName);
    const referenced = foreignKey.referencedColumns.map((c) => c.databaseName);
    const found = table.foreignKeys.some(
      (f) =>
        sameColumns(f.columnNames, columns) && f.referencedTableName === foreignKey.referencedTablePath && sameColumns(f.referencedColumnNames, referenced),
    );
    if (!found) drift.push(`foreign key (${columns.join(', ')}) on ${table.name} → ${foreignKey.referencedTablePath} is declared but not in the schema`);
  }
  return drift;
}

/** The application's tables: TypeORM's getTables() would also list PostgreSQL's catalogs. */
async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] =
    dataSource.options.type === 'postgres'
      ? await dataSource.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`)
      : await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`);
  return rows.map((row) => row.name);
}

/** Tables, indexes and sequences other than TypeORM's own record of the migrations that ran. */
async function leftovers(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] =
    dataSource.options.type === 'postgres'
      ? await dataSource.query(
          `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'i', 'S', 'v', 'm')
             AND c.relname <> 'migrations' AND c.relname <> 'migrations_id_seq'
             AND c.oid NOT IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'migrations'::regclass)
           ORDER BY c.relname`,
        )
      : await dataSource.query(`SELECT name FROM sqlite_master WHERE tbl_name NOT IN ('migrations', 'sqlite_sequence') ORDER BY name`);
  return rows.map((row) => row.name);
}

function migrationSuite(open: () => Promise<ScratchDatabase>) {
  let scratch: ScratchDatabase | undefined;
  let dataSource: DataSource;
  let applied: string[];

  beforeAll(async () => {
    scratch = await open();
    dataSource = new DataSource(dataSourceOptions(scratch.config, ENTITIES));
    await dataSource.initialize();
    applied = (await dataSource.runMigrations()).map((m) => m.name);
  });
  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await scratch?.drop();
  });

  it('runs every migration on a fresh database', () => {
    expect(applied).toEqual(dataSource.migrations.map((m) => m.name));
    expect(applied.length).toBeGreaterThan(0);
  });

  it('leaves a schema that matches every entity', async () => {
    expect(await driftFromEntities(dataSource)).toEqual([]);
  });

  it('undoes every migration down to an empty database, then migrates up to the same schema again', async () => {
    for (let undone = 0; undone < applied.length; undone++) await dataSource.undoLastMigration();
    expect(await dataSource.query('SELECT name FROM migrations')).toEqual([]);
    expect(await leftovers(dataSource)).toEqual([]);

    expect((await dataSource.runMigrations()).map((m) => m.name)).toEqual(applied);
    expect(await driftFromEntities(dataSource)).toEqual([]);
  });
}

describe('migrations on SQLite', () => {
  migrationSuite(async () => scratchSqlite());
});

describe.skipIf(!POSTGRES_SERVER)(
  POSTGRES_SERVER ? 'migrations on PostgreSQL' : 'migrations on PostgreSQL (skipped: set GOALPOST_TEST_POSTGRES_URL to run them)',
  () => {
    migrationSuite(() => scratchPostgres(POSTGRES_SERVER ?? ''));
  },
);
