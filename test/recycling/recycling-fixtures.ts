import { api } from '../support/records-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';

let made = 0;

export interface CustomerShape {
  stage: string;
  /** Days between the last contact record and now; null: none ever. */
  contactedDaysAgo: number | null;
  createdDaysAgo?: number;
  totalDealAmount?: number;
}

/**
 * A personal customer of the caller in `shape`: entered through the API (so with its owner row, history and audit
 * entry), then moved back in time in SQL, as if weeks had passed since.
 */
export async function anAgedCustomer(app: TestApp, cookie: string, shape: CustomerShape): Promise<number> {
  made += 1;
  const serial = `${process.pid % 1000}${String(made).padStart(4, '0')}`;
  const response = await api(app, 'POST', '/api/customers', {
    cookie,
    body: { name: `回收测试客户 ${serial}`, phone: `137${serial.padStart(8, '0')}` },
  });
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${JSON.stringify(response.body)}`);
  const id: number = response.body.id;
  await app.schema.pool.query(
    `update customer set stage = $2::text, machine_snapshot = jsonb_set(machine_snapshot, '{value}', to_jsonb($2::text)),
       last_contact_at = case when $3::int is null then null else now() - make_interval(days => $3::int) end,
       created_at = now() - make_interval(days => $4::int), total_deal_amount = $5
     where id = $1`,
    [id, shape.stage, shape.contactedDaysAgo, shape.createdDaysAgo ?? 60, shape.totalDealAmount ?? 0],
  );
  return id;
}

export const query = async (app: TestApp, sql: string, params: unknown[] = []) => (await app.schema.pool.query(sql, params)).rows;
