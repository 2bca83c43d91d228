import { MikroORM, defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities.ts';
import { migrationList } from './migrations/migration-list.ts';

export interface OrmOptions {
  databaseUrl: string;
  /** A PostgreSQL schema to live in (tests give each file its own); defaults to the server's search_path. */
  schema?: string;
  poolMax?: number;
}

/** Opens the ORM. Schema changes come only from the committed migrations, never from entity discovery. */
export async function openOrm(options: OrmOptions): Promise<MikroORM> {
  return MikroORM.init(
    defineConfig({
      clientUrl: options.databaseUrl,
      ...(options.schema === undefined ? {} : { schema: options.schema }),
      entities,
      extensions: [Migrator],
      migrations: {
        migrationsList: migrationList,
        tableName: 'mikro_orm_migrations',
        transactional: true,
        allOrNothing: true,
        snapshot: false,
        silent: true,
        ...(options.schema === undefined ? {} : { schema: options.schema }),
      },
      pool: { max: options.poolMax ?? 20 },
      // MikroORM qualifies its own queries with the schema; raw SQL (commands, the engine's compiled conditions) finds
      // the tables through the connection's search_path, set here for every pooled connection.
      ...(options.schema === undefined ? {} : { driverOptions: { options: `-c search_path="${options.schema}",public` } }),
      debug: false,
      allowGlobalContext: false,
    }),
  );
}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}

/** Names of migrations not yet applied. */
export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  const pending = await orm.migrator.getPending();
  return pending.map((migration) => migration.name);
}
