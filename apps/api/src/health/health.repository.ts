import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.service';

@Injectable()
export class HealthRepository {
  constructor(private readonly db: Db) {}

  /** Throws when the database cannot answer. */
  async ping(): Promise<void> {
    await this.db.manager.query('SELECT 1');
  }
}
