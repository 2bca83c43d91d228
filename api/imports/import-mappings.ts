import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { boundQuery } from '../database/bound-query.ts';
import type { ColumnMapping } from './import-columns.ts';
import type { CreateImportMappingBody, ImportMappingView } from './customer-import-bodies.schema.ts';

interface MappingRow {
  id: string;
  owner_id: string;
  name: string;
  shared: boolean;
  columns: ColumnMapping[];
  created_at: Date | string;
}

const viewOf = (row: MappingRow, caller: SignedIn): ImportMappingView => ({
  id: Number(row.id),
  name: row.name,
  shared: row.shared,
  mine: Number(row.owner_id) === caller.user.id,
  columns: row.columns,
  createdAt: new Date(row.created_at).toISOString(),
});

/** The caller's own mapping templates and the shared ones, by name. */
export async function listImportMappings(orm: MikroORM, caller: SignedIn): Promise<ImportMappingView[]> {
  const rows = await boundQuery<MappingRow>(
    orm.em.fork(),
    'select id, owner_id, name, shared, columns, created_at from customer_import_mapping where owner_id = $1 or shared order by name, id',
    [caller.user.id],
  );
  return rows.map((row) => viewOf(row, caller));
}

/** Saves a mapping (the columns as the mapping step had them) as a template: the caller's own, or shared. */
export async function createImportMapping(orm: MikroORM, origin: CommandOrigin, caller: SignedIn, body: CreateImportMappingBody): Promise<ImportMappingView> {
  return runCommand(orm, origin, async (context) => {
    const [row] = await boundQuery<MappingRow>(
      context.em,
      `insert into customer_import_mapping (owner_id, name, shared, columns, created_at) values ($1, $2, $3, $4, $5)
       returning id, owner_id, name, shared, columns, created_at`,
      [caller.user.id, body.name.trim(), body.shared ?? false, JSON.stringify(body.columns), context.now],
    );
    return viewOf(row!, caller);
  });
}
