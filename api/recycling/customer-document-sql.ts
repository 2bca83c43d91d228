/**
 * The customer document (customers/customer-document.ts `customerDocument`) as one SQL expression over a customer
 * row, for statements that write audit entries for a whole set of customers at once. It must stay field for field
 * what `customerDocument` builds: test/recycling/recycle-sweep.test.ts compares the two on the same customer.
 */
const isoSql = (value: string) => `to_char(${value} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The owners as `customerDocument` lists them — the primary first, then by the time they joined — aggregated over
 * rows `o` with customer_owner's user_id, role and since (the table itself, or rows a DELETE returned).
 */
export function customerOwnersAggregateSql(o: string): string {
  return `jsonb_agg(jsonb_build_object('userId', ${o}.user_id, 'role', ${o}.role, 'since', ${isoSql(`${o}.since`)})
            order by ${o}.role <> 'primary', ${o}.since)`;
}

/** The owners of the customer row `customerAlias`, read from customer_owner. */
export function customerOwnersSql(customerAlias: string): string {
  return `coalesce((select ${customerOwnersAggregateSql('o')} from customer_owner o where o.customer_id = ${customerAlias}.id), '[]'::jsonb)`;
}

/** `c` is the alias of a customer row (or of a CTE returning `customer.*`); `ownersSql` a jsonb array expression. */
export function customerDocumentSql(c: string, ownersSql: string): string {
  return `jsonb_build_object(
    'id', ${c}.id, 'name', ${c}.name, 'phone', ${c}.phone, 'keywords', to_jsonb(${c}.keywords), 'stage', ${c}.stage,
    'flags', ${c}.machine_snapshot -> 'flags',
    'definition', jsonb_build_object('key', ${c}.definition_key, 'version', ${c}.definition_version),
    'ownership', ${c}.ownership, 'ownerId', ${c}.owner_id, 'owners', ${ownersSql}, 'teamId', ${c}.team_id,
    'doNotCall', ${c}.do_not_call, 'callCount', ${c}.call_count, 'totalDealAmount', ${c}.total_deal_amount::float8,
    'contractEndsOn', to_char(${c}.contract_ends_on, 'YYYY-MM-DD'),
    'lastContactAt', ${isoSql(`${c}.last_contact_at`)}, 'lastDealAt', ${isoSql(`${c}.last_deal_at`)},
    'nextFollowUpAt', ${isoSql(`${c}.next_follow_up_at`)}, 'customFields', ${c}.custom_fields,
    'createdBy', ${c}.created_by, 'createdAt', ${isoSql(`${c}.created_at`)}, 'updatedAt', ${isoSql(`${c}.updated_at`)},
    'version', ${c}.version)`;
}

/** SQL expressions of what a pool move changes on a customer: its ownership columns, updated_at and version. */
export interface OwnershipColumnsSql {
  ownership: string;
  ownerId: string;
  owners: string;
  teamId: string;
  updatedAt: string;
  version: string;
}

/**
 * A customer document with the ownership fields replaced: the `before` of a move built from its `after` and the old
 * values, so a set-based statement builds one whole document per row, not two. Only for moves that change nothing
 * but these columns (every other field of both documents comes from the same row).
 */
export function customerDocumentWithOwnershipSql(documentSql: string, columns: OwnershipColumnsSql): string {
  return `(${documentSql} || jsonb_build_object('ownership', ${columns.ownership}, 'ownerId', ${columns.ownerId},
    'owners', ${columns.owners}, 'teamId', ${columns.teamId}, 'updatedAt', ${isoSql(columns.updatedAt)}, 'version', ${columns.version}))`;
}
