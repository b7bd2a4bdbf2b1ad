import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { dataSourceOptions, type EntityList } from './data-source-options';
import { Db } from './db.service';
import { MigrationsRepository } from './migrations.repository';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(database: DatabaseConfig, entities: EntityList): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(database, entities), migrationsRun: true })],
      providers: [Db, MigrationsRepository],
      exports: [Db, MigrationsRepository],
    };
  }
}
