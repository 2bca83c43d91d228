import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { boundQuery } from '../database/bound-query.ts';
import type { CustomerRow } from '../customers/customer-document.ts';
import { holdsStagePermission } from '../customers/customer-stage.ts';
import { Customer } from '../customers/customer.entity.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { changeOwners } from './change-owners.ts';
import { claimCoolDowns } from './claim-cool-down.ts';
import { claimQuotaOf, lockClaimQuota } from './claim-quota.ts';
import type { ClaimCustomersBody } from './ownership-bodies.schema.ts';
import { capacityLeft, lockedOwnerCapacity } from './owner-capacity.ts';
import type { ClaimOutcome, ClaimResult, ClaimResultsView } from './ownership-view.schema.ts';

/**
 * Claims pool customers for the caller (占有), each judged on its own: it must be live and in the pool, the stage it
 * is in (in the machine version it runs on) must give the caller's role `claim`, a recycle sweep must not have
 * taken it from the caller within its rule's cool-down, the caller's role's daily quota must have room, and so must
 * the caller's capacity (the role's maxOwnedCustomers). A claimed customer becomes the caller's personal customer, counted for the caller's team, with a
 * history row and an audit entry; all claims of one request commit together.
 */
export async function claimCustomers(orm: MikroORM, origin: CommandOrigin, caller: SignedIn, body: ClaimCustomersBody): Promise<ClaimResultsView> {
  return runCommand(orm, origin, async (context) => {
    const { em } = context;
    // Race design: the per-user advisory lock makes one user's claims take turns, so the quota counted below is the
    // quota that is left; the row locks (taken in id order, so batches never deadlock) let one claimer at a time see
    // a customer in the pool — whoever waited re-reads it afterwards as owned.
    await lockClaimQuota(em, caller.user.id);
    const rows = await boundQuery<Record<string, unknown>>(
      em,
      `select c.* from customer c
       where c.id in (select (jsonb_array_elements_text($1::jsonb))::bigint) and c.deleted_at is null
       order by c.id for update`,
      [JSON.stringify(body.customerIds)],
    );
    const customers = new Map<number, CustomerRow>(rows.map((row) => em.map(Customer, row)).map((customer) => [customer.id, customer]));
    const ownedRows = await boundQuery<{ customer_id: number }>(
      em,
      'select customer_id::int as customer_id from customer_owner where user_id = $1 and customer_id in (select (jsonb_array_elements_text($2::jsonb))::bigint)',
      [caller.user.id, JSON.stringify(body.customerIds)],
    );
    const alreadyOwned = new Set(ownedRows.map((row) => row.customer_id));
    const quota = await claimQuotaOf(em, { userId: caller.user.id, timeZone: caller.user.timeZone, limit: caller.role.claimQuotaPerDay }, context.now);
    // After the row locks, as every command taking the capacity lock does (owner-capacity.ts).
    const capacity = capacityLeft(await lockedOwnerCapacity(em, caller.user.id));
    const coolDowns = await claimCoolDowns(em, caller.user.id, body.customerIds, context.now);

    let claimed = 0;
    const results: ClaimResult[] = [];
    for (const customerId of body.customerIds) {
      const customer = customers.get(customerId);
      const outcome = await claimOne(customer, quota.remaining - claimed, capacity - claimed);
      const claimableAt = coolDowns.get(customerId);
      results.push(outcome === 'coolingDown' && claimableAt !== undefined ? { customerId, outcome, claimableAt: claimableAt.toISOString() } : { customerId, outcome });
      if (outcome === 'claimed') claimed++;
    }
    return {
      results,
      quota: { ...quota, usedToday: quota.usedToday + claimed, remaining: Math.max(0, quota.remaining - claimed) },
    };

    async function claimOne(customer: CustomerRow | undefined, remaining: number, room: number): Promise<ClaimOutcome> {
      if (customer === undefined || customer.ownership !== 'pool') {
        return customer !== undefined && alreadyOwned.has(customer.id) ? 'alreadyYours' : 'notInPool';
      }
      const { machine } = await recordDefinitions(em, 'customer', { key: customer.definitionKey, version: customer.definitionVersion });
      if (!holdsStagePermission(machine.document, customer.stage, caller.role.key, 'claim')) return 'stageForbids';
      if (coolDowns.has(customer.id)) return 'coolingDown';
      if (remaining <= 0) return 'quotaExceeded';
      if (room <= 0) return 'capacityReached';
      await changeOwners(context, customer, {
        owners: [{ userId: caller.user.id, role: 'primary' }],
        teamId: caller.user.teamId,
        events: [{ ownerId: caller.user.id, action: 'claim' }],
        audit: { action: 'claim', code: 'claimed' },
        reason: body.reason ?? null,
      });
      return 'claimed';
    }
  });
}
