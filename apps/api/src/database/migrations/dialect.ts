import type { QueryRunner } from 'typeorm';
import type { Dialect } from '../db.service';

/** The few spellings where SQLite and PostgreSQL differ; everything else in a migration is written once. */
export interface DialectSql {
  readonly dialect: Dialect;
  /** Definition of an `id` column numbered by the database. */
  readonly autoIncrementPrimaryKey: string;
  /** Boolean literals, for DEFAULT and WHERE: SQLite has no boolean type and stores 0 and 1. */
  readonly true: string;
  readonly false: string;
  /**
   * Written after an indexed expression so the index serves LIKE 'abc%' under any database collation:
   * PostgreSQL's text_pattern_ops. SQLite needs nothing (prefixes are searched there as a binary range).
   */
  readonly textPatternOps: string;
}

const SQLITE: DialectSql = { dialect: 'sqlite', autoIncrementPrimaryKey: 'INTEGER PRIMARY KEY AUTOINCREMENT', true: '1', false: '0', textPatternOps: '' };
const POSTGRES: DialectSql = {
  dialect: 'postgres',
  autoIncrementPrimaryKey: 'SERIAL PRIMARY KEY',
  true: 'true',
  false: 'false',
  textPatternOps: ' text_pattern_ops',
};

export function dialectSql(queryRunner: QueryRunner): DialectSql {
  const type = queryRunner.connection.options.type;
  if (type === 'sqlite') return SQLITE;
  if (type === 'postgres') return POSTGRES;
  throw new Error(`The migrations are written for sqlite and postgres, not ${type}`);
}
