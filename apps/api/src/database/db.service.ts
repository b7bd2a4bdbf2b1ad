import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { MetricsService } from '../metrics/metrics.service';
import { asDatabaseError, DatabaseUnavailableError } from './database-unavailable';
import { SqlParams } from './sql-params';

export type Dialect = 'sqlite' | 'postgres';

/** After a disk-full, SQLite counts as writable again only with this much free space (one busy minute of WAL). */
const SQLITE_FREE_SPACE_RESERVE = 4 * 1024 * 1024;

/**
 * Whether the database takes writes. A write that fails for lack of space (or a lost connection) makes it
 * unwritable until a probe write commits again: an ordinary commit cannot tell, since one that changed
 * nothing succeeds even on a full disk.
 */
export interface WriteHealth {
  writable: boolean;
  /** Why the last write failed (driver code), while not writable. */
  reason: string | null;
  since: number | null;
}

/**
 * The one way to write. SQLite has a single connection in TypeORM, so two overlapping transactions would
 * interleave on it: writes are serialised here. PostgreSQL gets real concurrent transactions.
 * A write that fails because the database is unavailable (disk full, read-only, connection lost) throws
 * DatabaseUnavailableError, so it is answered 503 and never acknowledged.
 */
@Injectable()
export class Db implements OnModuleInit {
  readonly dialect: Dialect;
  private readonly writeLock = new Mutex();
  private readonly logger = new Logger('Database');
  private health: WriteHealth = { writable: true, reason: null, since: null };

  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
  ) {
    this.dialect = dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  async onModuleInit(): Promise<void> {
    // FULL keeps every acknowledged write across a power cut; group commit pays for the fsync once per batch.
    if (this.dialect === 'sqlite') await this.dataSource.query('PRAGMA synchronous = FULL');
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /**
   * `priority` orders writes waiting for SQLite's one connection: ingest, whose callers wait for the answer,
   * goes before the delivery worker. Each ingest writer has at most one batch waiting, so the worker still
   * gets the lock between them.
   */
  write<T>(work: (manager: EntityManager) => Promise<T>, priority = 0): Promise<T> {
    if (this.dialect === 'postgres') return this.committed(() => this.dataSource.transaction(work));
    return this.writeLock.runExclusive(() => this.committed(() => this.sqliteTransaction(work)), priority);
  }

  get writeHealth(): WriteHealth {
    return this.health;
  }

  private async committed<T>(transaction: () => Promise<T>): Promise<T> {
    try {
      return await transaction();
    } catch (error) {
      const failure = asDatabaseError(error);
      if (failure instanceof DatabaseUnavailableError) this.noteUnavailable(failure.reason);
      throw failure;
    }
  }

  /**
   * Writes one row that always changes, to learn whether the database takes writes; /health asks while it
   * is unwritable, so it recovers by itself once space (or the connection) is back.
   */
  async probeWrite(): Promise<WriteHealth> {
    const at = Date.now();
    try {
      const params = new SqlParams(this.dialect);
      await this.write((m) => m.query(`UPDATE "write_probe" SET "at" = ${params.add(at)} WHERE "id" = 1`, params.values));
      // A one-row write still fits in the WAL's reused space on a full disk: ask the filesystem too.
      const freeBytes = await this.sqliteFreeBytes();
      if (freeBytes !== null && freeBytes < SQLITE_FREE_SPACE_RESERVE) return this.health;
    } catch {
      return this.health;
    }
    if (!this.health.writable) {
      this.logger.log({ after: this.health.reason }, 'the database takes writes again');
      this.health = { writable: true, reason: null, since: null };
    }
    return this.health;
  }

  private noteUnavailable(reason: string): void {
    this.metrics.databaseUnavailable.inc({ reason: reason.slice(0, 40) });
    if (!this.health.writable) return;
    this.health = { writable: false, reason, since: Date.now() };
    this.logger.error({ reason }, 'a write did not commit: the database is not writable; refusing writes with 503 until it is');
  }

  /**
   * When COMMIT (or a statement) fails with SQLITE_FULL or an I/O error, SQLite rolls the transaction back
   * by itself; TypeORM's own ROLLBACK then fails ("no transaction is active") before it resets its state,
   * and the one shared connection is left believing it is inside a transaction: every later write would
   * run as a savepoint of a transaction that never commits, and be acknowledged. So after any failure the
   * connection is brought back to autocommit here, whatever TypeORM believes.
   */
  private async sqliteTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      await this.resetSqliteConnection();
      throw error;
    }
  }

  /** Free space on the SQLite file's filesystem (null on PostgreSQL, or when it cannot be read). */
  private async sqliteFreeBytes(): Promise<number | null> {
    const file = this.dataSource.options.database;
    if (this.dialect !== 'sqlite' || typeof file !== 'string') return null;
    const stats = await statfs(dirname(file)).catch(() => null);
    return stats ? stats.bavail * stats.bsize : null;
  }

  private async resetSqliteConnection(): Promise<void> {
    const runner = this.dataSource.createQueryRunner() as QueryRunner & { isTransactionActive: boolean; transactionDepth?: number };
    if (!runner.isTransactionActive && !runner.transactionDepth) return;
    // Ends a transaction SQLite still holds open; when it already rolled back, this fails harmlessly.
    await runner.query('ROLLBACK').catch(() => undefined);
    runner.isTransactionActive = false;
    runner.transactionDepth = 0;
  }

  /**
   * Runs raw SQL and always gives back the rows, RETURNING included. TypeORM's SQLite runner drops the rows
   * of statements that start with "INSERT ", "UPDATE " or "DELETE ", and its PostgreSQL runner wraps UPDATE
   * and DELETE rows as [rows, count]; both are undone here.
   */
  async query<T>(manager: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
    const result: unknown = await manager.query(this.dialect === 'sqlite' ? `\n${sql}` : sql, params);
    if (!Array.isArray(result)) return [];
    if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
    return result as T[];
  }
}
