// Reading what actually reached the database, straight from it (not through the api), and the throw-away
// PostgreSQL database of a postgres run.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import sqlite3 from 'sqlite3';

const TABLES = ['clicks', 'conversions', 'deliveries'];

/** Row counts of the tables the bench writes to, from an SQLite file (opening it replays its WAL). */
export function countSqlite(path) {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, (openError) => {
      if (openError) return reject(openError);
      const sql = TABLES.map((t) => `(SELECT COUNT(*) FROM "${t}") AS "${t}"`).join(', ');
      db.get(`SELECT ${sql}`, (error, row) => {
        db.close();
        if (error) reject(error);
        else resolve(row);
      });
    });
  });
}

export async function countPostgres(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const sql = TABLES.map((t) => `(SELECT COUNT(*)::int FROM "${t}") AS "${t}"`).join(', ');
    const { rows } = await client.query(`SELECT ${sql}`);
    return rows[0];
  } finally {
    await client.end();
  }
}

/** Creates gp_bench_<random> next to the database `adminUrl` names; returns its URL and a drop function. */
export async function createPostgresDatabase(adminUrl) {
  const name = `gp_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
