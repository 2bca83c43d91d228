import { userIdOf } from '../support/records-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';

export type Owner = 'li' | 'zhang' | 'pool';

/** A live customer of `ownerId` (null: the pool), inserted directly. */
export async function insertCustomer(app: TestApp, name: string, ownerId: number | null): Promise<number> {
  const { rows } = await app.schema.pool.query(
    `insert into customer (name, name_key, stage, machine_snapshot, definition_key, definition_version, ownership, owner_id, created_at)
     values ($1, $1, 'opportunity', jsonb_build_object('value', 'opportunity', 'flags', '{}'::jsonb), 'customer-lifecycle', 1,
             case when $2::bigint is null then 'pool' else 'personal' end, $2, now())
     returning id::int as id`,
    [name, ownerId],
  );
  if (ownerId !== null) await app.schema.pool.query("insert into customer_owner (customer_id, user_id, role) values ($1, $2, 'primary')", [rows[0].id, ownerId]);
  return rows[0].id;
}

/**
 * One customer of rep.li, one of rep.zhang and one in the pool, for lists of a customer's records: such a record is
 * visible exactly when its customer is, so rep.li sees those of li's and the pool's customer, never zhang's.
 */
export async function customersOfThreeOwners(app: TestApp): Promise<Record<Owner, number>> {
  return {
    li: await insertCustomer(app, '李的客户', await userIdOf(app, 'rep.li')),
    zhang: await insertCustomer(app, '张的客户', await userIdOf(app, 'rep.zhang')),
    pool: await insertCustomer(app, '公海客户', null),
  };
}
