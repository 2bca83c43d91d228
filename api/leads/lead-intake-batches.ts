import type { MikroORM } from '@mikro-orm/postgresql';
import { naturalBatches, type BatchOutcome } from '../database/natural-batches.ts';
import { intakeLeadsTogether, type IntakeOutcome, type LeadIntake } from './intake-lead.ts';
import type { LeadRow } from './lead-document.ts';
import { duplicateLead, noLeadMachine } from './lead-problems.ts';
import { latestRoutingPolicy, type PublishedRoutingPolicy } from './routing-policy-store.ts';

// Enough to carry every request a busy process has in flight to one policy, small enough that a batch's statements
// stay quick to plan.
const maxLeadsPerBatch = 64;

interface Waiting {
  intake: LeadIntake;
  index: number;
}

/**
 * One attempt at `intakes` without a lock, then — should the gate refuse it, a duplicate or another process's state
 * having come in since its read — one in a transaction holding every lock before it reads.
 */
async function takeTogether(orm: MikroORM, policy: PublishedRoutingPolicy, intakes: readonly LeadIntake[]): Promise<IntakeOutcome[]> {
  const taken = await intakeLeadsTogether(orm.em, policy, intakes, { locked: false });
  if (taken !== undefined) return taken;
  return (await orm.em.fork().transactional((em) => intakeLeadsTogether(em, policy, intakes, { locked: true })))!;
}

/**
 * Takes `waiting` in together, then the leads that had to wait for a lead before them with the same phone or email;
 * once that one is committed, the normal check refuses them as its duplicate and names it only to a caller who may
 * see it. A write that fails for any reason keeps nothing of its batch and its leads are taken in one by one, so one
 * lead that cannot be written fails its own request only.
 */
async function settle(orm: MikroORM, policy: PublishedRoutingPolicy, waiting: readonly Waiting[], outcomes: BatchOutcome<LeadRow>[]): Promise<void> {
  let round = waiting;
  while (round.length > 0) {
    const current = round;
    let results;
    try {
      results = await takeTogether(orm, policy, current.map((entry) => entry.intake));
    } catch (error) {
      if (current.length === 1) {
        outcomes[current[0]!.index] = { ok: false, error };
        return;
      }
      for (const entry of current) await settle(orm, policy, [entry], outcomes);
      return;
    }
    round = current.filter((entry, position) => {
      const result = results[position]!;
      if (result.kind === 'created') outcomes[entry.index] = { ok: true, value: result.lead };
      else if (result.kind === 'duplicate') outcomes[entry.index] = { ok: false, error: duplicateLead(result.found) };
      return result.kind === 'later';
    });
  }
}

async function runBatch(orm: MikroORM, policyKey: string, intakes: readonly LeadIntake[]): Promise<BatchOutcome<LeadRow>[]> {
  const policy = await latestRoutingPolicy(orm.em, policyKey);
  if (policy === undefined) throw noLeadMachine();
  const outcomes: BatchOutcome<LeadRow>[] = [];
  await settle(orm, policy, intakes.map((intake, index) => ({ intake, index })), outcomes);
  return outcomes;
}

const batchers = new WeakMap<MikroORM, Map<string, (intake: LeadIntake) => Promise<LeadRow>>>();

/**
 * Takes in a checked lead: deduplicated, routed by its policy, explained, audited and its rep told, all committed
 * together — answering its row, or its own problem (409 `duplicate`, naming the record only to a caller who may see
 * it). Intakes to one policy are batched naturally (group commit, no timer): with none running, a lead starts a batch
 * at once; those arriving meanwhile go together in the next one. A batch pays its two round trips, the planning of its
 * statements and the commit once for all its leads. One batch per policy runs at a time in a process: measured, two
 * at once (one reading while the other writes) halved the batches, doubled the statements and took in fewer leads.
 */
export function intakeLead(orm: MikroORM, intake: LeadIntake): Promise<LeadRow> {
  let byPolicy = batchers.get(orm);
  if (byPolicy === undefined) {
    byPolicy = new Map();
    batchers.set(orm, byPolicy);
  }
  let batcher = byPolicy.get(intake.policyKey);
  if (batcher === undefined) {
    const policyKey = intake.policyKey;
    batcher = naturalBatches((intakes: readonly LeadIntake[]) => runBatch(orm, policyKey, intakes), { maxItems: maxLeadsPerBatch });
    byPolicy.set(policyKey, batcher);
  }
  return batcher(intake);
}
