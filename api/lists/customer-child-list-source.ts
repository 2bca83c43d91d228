import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { customerScopeOf, customerScopeSql } from '../customers/customer-visibility.ts';
import type { BindParams } from '../database/bound-query.ts';
import type { ListSource } from './list-rows.ts';

/**
 * The condition that the customer of the row under `alias` is live and in the caller's scope: a customer's record
 * (opportunity, order, ticket, contact record) is visible exactly when its customer is.
 */
export function customerVisibleSql(caller: SignedIn, alias: string, bind: BindParams): string {
  const scope = customerScopeSql(customerScopeOf(caller), bind);
  return `exists (select 1 from customer c where c.id = ${alias}.customer_id and c.deleted_at is null and ${scope})`;
}

/**
 * A list of a customer's records (opportunities, orders, tickets): the live ones whose customer is live and in the
 * caller's scope, narrowed by `more` on the same alias.
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
    conditions: (bind) => [`${alias}.deleted_at is null`, customerVisibleSql(caller, alias, bind), ...more(bind)],
  };
}
