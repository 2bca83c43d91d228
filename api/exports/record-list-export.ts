import type { MikroORM } from '@mikro-orm/postgresql';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { boundQuery } from '../database/bound-query.ts';
import type { ListedEntity } from '../lists/record-list-catalogue.ts';

export interface ListExportRecord {
  entity: ListedEntity;
  /** The query as the exporter sent it: filter, sort, columns and the list's own parameters. */
  query: Record<string, unknown>;
  columns: readonly string[];
  rows: number;
  completed: boolean;
  startedAt: Date;
}

/** Keeps who exported which query and how many rows (a `list_export` row), with its audit entry, in one command. */
export async function recordListExport(orm: MikroORM, origin: CommandOrigin, exporterId: number, record: ListExportRecord): Promise<number> {
  return runCommand(orm, origin, async (context) => {
    const [row] = await boundQuery<{ id: string }>(
      context.em,
      `insert into list_export (entity, actor_id, query, columns, row_count, completed, started_at, finished_at)
       values ($1, $2, $3::jsonb, $4::text[], $5, $6, $7, $8) returning id`,
      [record.entity, exporterId, JSON.stringify(record.query), record.columns, record.rows, record.completed, record.startedAt, context.now],
    );
    const id = Number(row!.id);
    context.audit({
      entity: 'listExport',
      recordId: id,
      customerId: null,
      action: 'export',
      before: null,
      after: { list: record.entity, query: record.query, columns: [...record.columns], rows: record.rows, completed: record.completed },
      why: { kind: 'reason', code: 'list.export' },
    });
    return id;
  });
}
