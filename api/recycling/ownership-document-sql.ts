import { isoTimestampSql } from '../database/iso-timestamp-sql.ts';

/**
 * The fields a pool move changes on a customer, as one SQL expression per row for statements that audit a whole set
 * of customers at once: `ownership`, `ownerId`, `owners`, `teamId`, `updatedAt` and `version`, named and formatted
 * field for field as the customer document (customers/customer-document.ts `customerDocument`) shows them. A recycle's
 * audit entry holds these before and after — what changed, the way a logged contact's entry holds the counters it
 * moved — rather than two whole documents: test/recycling/recycle-sweep.test.ts compares them with the API's own.
 */

/**
 * The owners as `customerDocument` lists them — the primary first, then by the time they joined — aggregated over
 * rows `o` with customer_owner's user_id, role and since (the table itself, or rows a DELETE returned).
 */
export function customerOwnersAggregateSql(o: string): string {
  return `jsonb_agg(jsonb_build_object('userId', ${o}.user_id, 'role', ${o}.role, 'since', ${isoTimestampSql(`${o}.since`)})
            order by ${o}.role <> 'primary', ${o}.since)`;
}

/** SQL expressions of a customer's ownership columns (`owners` a jsonb array), its updated_at and version. */
export interface OwnershipColumnsSql {
  ownership: string;
  ownerId: string;
  owners: string;
  teamId: string;
  updatedAt: string;
  version: string;
}

/** The ownership part of a customer document, e.g. `{ownership: 'pool', ownerId: null, owners: [], …, version: 4}`. */
export function ownershipDocumentSql(columns: OwnershipColumnsSql): string {
  return `jsonb_build_object('ownership', ${columns.ownership}, 'ownerId', ${columns.ownerId}, 'owners', ${columns.owners},
    'teamId', ${columns.teamId}, 'updatedAt', ${isoTimestampSql(columns.updatedAt)}, 'version', ${columns.version})`;
}

/** The columns of the customer row (or RETURNING row) `c` as they are, with `ownersSql` for its owners. */
export function ownershipColumnsOf(c: string, ownersSql: string): OwnershipColumnsSql {
  return { ownership: `${c}.ownership`, ownerId: `${c}.owner_id`, owners: ownersSql, teamId: `${c}.team_id`, updatedAt: `${c}.updated_at`, version: `${c}.version` };
}
