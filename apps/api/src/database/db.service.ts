import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The one way to write. SQLite has a single connection in TypeORM, so two overlapping transactions would
 * interleave on it: writes are serialised here. PostgreSQL gets real concurrent transactions.
 */
@Injectable()
export class Db implements OnModuleInit {
  readonly dialect: Dialect;
  private readonly writeLock = new Mutex();

  constructor(@InjectDataSource() readonly dataSource: DataSource) {
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
    if (this.dialect === 'postgres') return this.dataSource.transaction(work);
    return this.writeLock.runExclusive(() => this.dataSource.transaction(work), priority);
  }

  /**
   * Numbered placeholder for raw SQL that counts its own parameters. New SQL uses SqlParams; this stays for
   * the delivery worker's queries until they are written with it too.
   */
  param(index: number): string {
    return this.dialect === 'postgres' ? `$${index}` : `?${index}`;
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
