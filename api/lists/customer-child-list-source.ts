import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { customerScopeOf, customerScopeSql } from '../customers/customer-visibility.ts';
import type { BindParams } from '../database/bound-query.ts';
import type { ListSource } from './list-rows.ts';

/**
 * A list of a customer's records (opportunities, orders, tickets): the live ones whose customer is live and in the
 * caller's scope — such a record is visible exactly when its customer is — narrowed by `more` on the same alias.
 */
export function customerChildListSource(
  caller: SignedIn,
  catalogue: FactCatalogue,
  table: { name: string; alias: string },
  more: (bind: BindParams) => string[] = () => [],
): ListSource {
  const { name, alias } = table;
  return {
    table: name,
    alias,
    catalogue,
    conditions(bind) {
      const scope = customerScopeSql(customerScopeOf(caller), bind);
      const visible = `exists (select 1 from customer c where c.id = ${alias}.customer_id and c.deleted_at is null and ${scope})`;
      return [`${alias}.deleted_at is null`, visible, ...more(bind)];
    },
  };
}
