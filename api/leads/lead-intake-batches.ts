import type { MikroORM } from '@mikro-orm/postgresql';
import { naturalBatches, type BatchOutcome } from '../database/natural-batches.ts';
import { intakeLeadsTogether, type BatchTaken, type LeadIntake } from './intake-lead.ts';
import type { LeadRow } from './lead-document.ts';
import type { KnownRoutingState } from './lead-intake-read.ts';
import { duplicateLead, noLeadMachine } from './lead-problems.ts';
import { latestRoutingPolicy, type PublishedRoutingPolicy } from './routing-policy-store.ts';

// Enough to carry every request a busy process has in flight to one policy, small enough that a batch's statements
// stay quick to plan.
const maxLeadsPerBatch = 64;

interface Waiting {
  intake: LeadIntake;
  index: number;
}

/** The policy's routing state a batch's leads leave, once they are written: what the next batch decides from. */
type Turn = Promise<KnownRoutingState | undefined>;

/**
 * One attempt at `intakes` without a lock, then — should the gate refuse it, a duplicate or another process's state
 * having come in since its read — one in a transaction holding every lock before it reads.
 */
async function takeTogether(orm: MikroORM, policy: PublishedRoutingPolicy, intakes: readonly LeadIntake[], turn: Turn): Promise<BatchTaken> {
  const taken = await intakeLeadsTogether(orm.em, policy, intakes, { locked: false, turn });
  if (taken !== undefined) return taken;
  return (await orm.em.fork().transactional((em) => intakeLeadsTogether(em, policy, intakes, { locked: true, turn })))!;
}

/**
 * Takes `waiting` in together, then the leads that had to wait for a lead before them with the same phone or email;
 * once that one is committed, the normal check refuses them as its duplicate and names it only to a caller who may
 * see it. A write that fails for any reason keeps nothing of its batch and its leads are taken in one by one, so one
 * lead that cannot be written fails its own request only. Answers the routing state the batch's leads left.
 */
async function settle(orm: MikroORM, policy: PublishedRoutingPolicy, waiting: readonly Waiting[], outcomes: BatchOutcome<LeadRow>[], turn: Turn): Turn {
  let round = waiting;
  let known = turn;
  while (round.length > 0) {
    const current = round;
    let taken: BatchTaken;
    try {
      taken = await takeTogether(orm, policy, current.map((entry) => entry.intake), known);
    } catch (error) {
      if (current.length === 1) {
        outcomes[current[0]!.index] = { ok: false, error };
        return known;
      }
      for (const entry of current) known = Promise.resolve(await settle(orm, policy, [entry], outcomes, known));
      return known;
    }
    known = Promise.resolve(taken.routing);
    round = current.filter((entry, position) => {
      const result = taken.outcomes[position]!;
      if (result.kind === 'created') outcomes[entry.index] = { ok: true, value: result.lead };
      else if (result.kind === 'duplicate') outcomes[entry.index] = { ok: false, error: duplicateLead(result.found) };
      return result.kind === 'later';
    });
  }
  return known;
}

/** One policy's batches in a process: each hands the next the routing state it left. */
interface PolicyLane {
  take: (intake: LeadIntake) => Promise<LeadRow>;
  /** Settles when the batch started last has written its leads. */
  last: Turn;
}

async function runBatch(orm: MikroORM, lane: PolicyLane, policyKey: string, intakes: readonly LeadIntake[]): Promise<BatchOutcome<LeadRow>[]> {
  const before = lane.last;
  let handOn!: (routing: Turn) => void;
  lane.last = new Promise((resolve) => (handOn = resolve));
  // Handed on whatever happens, and never before the batch before is done: batches are written in the order they began.
  let left: Turn = before;
  try {
    const policy = await latestRoutingPolicy(orm.em, policyKey);
    if (policy === undefined) throw noLeadMachine();
    const outcomes: BatchOutcome<LeadRow>[] = [];
    left = settle(orm, policy, intakes.map((intake, index) => ({ intake, index })), outcomes, before);
    await left;
    return outcomes;
  } finally {
    // A batch that broke hands on no state: the next reads it, and the gate still checks its version.
    handOn(left.catch(() => undefined));
  }
}

const lanes = new WeakMap<MikroORM, Map<string, PolicyLane>>();

/**
 * Takes in a checked lead: deduplicated, routed by its policy, explained, audited and its rep told, all committed
 * together — answering its row, or its own problem (409 `duplicate`, naming the record only to a caller who may see
 * it). Intakes to one policy are batched naturally (group commit, no timer): with none running, a lead starts a batch
 * at once; those arriving meanwhile go together in the next one. A batch pays the round trips and the commit once for
 * all its leads. Two batches per policy run at once in a process: one reads while the one before it decides and
 * writes, and hands it the routing state it leaves — decisions run in order, one batch after the other.
 */
export function intakeLead(orm: MikroORM, intake: LeadIntake): Promise<LeadRow> {
  let byPolicy = lanes.get(orm);
  if (byPolicy === undefined) {
    byPolicy = new Map();
    lanes.set(orm, byPolicy);
  }
  let lane = byPolicy.get(intake.policyKey);
  if (lane === undefined) {
    const policyKey = intake.policyKey;
    const created: PolicyLane = {
      take: naturalBatches((intakes: readonly LeadIntake[]) => runBatch(orm, created, policyKey, intakes), { maxItems: maxLeadsPerBatch, running: 2 }),
      last: Promise.resolve(undefined),
    };
    lane = created;
    byPolicy.set(policyKey, lane);
  }
  return lane.take(intake);
}
