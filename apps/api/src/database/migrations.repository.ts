import { Injectable } from '@nestjs/common';
import { Db } from './db.service';

/** TypeORM's record of the migrations it has run. */
@Injectable()
export class MigrationsRepository {
  constructor(private readonly db: Db) {}

  /** Names of the applied migrations, in the order they ran. */
  async appliedNames(): Promise<string[]> {
    const rows = await this.db.manager.query<{ name: string }[]>(
      this.db.dialect === 'postgres' ? 'SELECT name FROM migrations ORDER BY id' : 'SELECT name FROM "migrations" ORDER BY id',
    );
    return rows.map((row) => row.name);
  }
}
