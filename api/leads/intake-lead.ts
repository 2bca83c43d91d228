import type { EntityManager } from '@mikro-orm/postgresql';
import type { MachineActor } from '../../engine/machines/index.ts';
import { initialSnapshot } from '../../engine/machines/transition.ts';
import { decideRouting, type RoutingCandidate, type RoutingState } from '../../engine/routing/index.ts';
import type { CommandStamp } from '../commands/audit-and-outbox-rows.ts';
import type { AuditInput } from '../commands/command-context.ts';
import type { CustomerScope } from '../customers/customer-visibility.ts';
import { recordDefinitions, type RecordDefinitions } from '../customers/published-definitions.ts';
import { assignmentNotice } from './lead-assignment-notice.ts';
import type { LeadRow } from './lead-document.ts';
import { writeIntake, type LeadToInsert, type StampedAudit } from './lead-intake-insert.ts';
import { dedupeLockNamesOf, emailKeyOf, lockForIntake, readForIntake, type LeadKeys } from './lead-intake-read.ts';
import type { DuplicateFound } from './lead-problems.ts';
import type { LeadAssignment, LeadView } from './lead-view.schema.ts';
import type { PublishedRoutingPolicy } from './routing-policy-store.ts';
import { candidateOf, policyNeeds, readLoads } from './routing-candidates.ts';

/** A lead whose values are decided and checked: what the create command and the public form hand to intake. */
export interface NewLead {
  name: string;
  company: string | null;
  phone: string | null;
  phoneNormalized: string | null;
  email: string | null;
  region: string | null;
  source: LeadView['source'];
  campaignId: number | null;
  webFormId: number | null;
  score: number | null;
  customFields: Record<string, unknown>;
}

/** One lead to take in, with what its own request brings: who asks, whose sight, which policy, which clock. */
export interface LeadIntake {
  lead: NewLead;
  policyKey: string;
  actor: MachineActor;
  /** Whose sight decides whether a duplicate is named; absent (a public form): never named. */
  scope: CustomerScope | undefined;
  createdBy: number | null;
  /** The organisation's time zone, for day-counting conditions in the policy. */
  timeZone: string;
  stamp: CommandStamp;
  /** The audit entry to write on the record the lead duplicates, in the same transaction (a web form's resubmission). */
  onDuplicate?: (found: DuplicateFound) => AuditInput;
}

export type IntakeOutcome =
  | { kind: 'created'; lead: LeadRow }
  | { kind: 'duplicate'; found: DuplicateFound }
  /** It shares a dedupe key with a lead accepted before it in the same batch: take it in once that one is committed. */
  | { kind: 'later' };

/**
 * Takes in a batch of leads to one policy in two statements as a rule, each its own transaction: one reads each
 * lead's duplicate, the policy's routing state, the candidates, the lead machine and the new ids, taking no lock
 * (lead-intake-read.ts); the loads come next when the policy reads any; then the decisions run in order, each starting
 * from the state the one before left; then one statement writes the accepted leads, their audit entries and notices,
 * and the final state, behind a gate that takes the dedupe locks and refuses when a duplicate or another process's
 * batch to the policy was committed since the read (lead-intake-insert.ts).
 *
 * `locked`: inside the caller's transaction, taking every lock the write takes before reading — the second attempt
 * of a batch the gate refused, which then has nothing to miss. Answers undefined when an unlocked attempt was refused.
 */
export async function intakeLeadsTogether(
  em: EntityManager,
  policy: PublishedRoutingPolicy,
  intakes: readonly LeadIntake[],
  { locked }: { locked: boolean },
): Promise<IntakeOutcome[] | undefined> {
  const keys: LeadKeys[] = intakes.map(({ lead, scope }) => ({ phoneNormalized: lead.phoneNormalized, emailKey: emailKeyOf(lead.email), scope }));
  const needs = policyNeeds(policy.document);
  if (locked) await lockForIntake(em, keys, policy.key);
  const read = await readForIntake(em, keys, policy.key, needs);
  const definitions = await recordDefinitions(em, 'lead', read.machine);
  const people = read.candidates.map(candidateOf);
  const closedStates = Object.entries(definitions.machine.document.states)
    .filter(([, state]) => state.type === 'final' || !(state.tags ?? []).includes('open'))
    .map(([key]) => key);
  await readLoads(em, people, needs.measures, closedStates);

  let state: RoutingState = read.routing.state;
  const claimed = new Set<string>();
  const accepted: LeadToInsert[] = [];
  const audits: StampedAudit[] = [];
  const plan = intakes.map((intake, n): IntakeOutcome | number => {
    const found = read.duplicates[n];
    if (found !== undefined) {
      if (intake.onDuplicate !== undefined) audits.push({ entry: intake.onDuplicate(found), stamp: intake.stamp });
      return { kind: 'duplicate', found };
    }
    // The earlier lead is not committed yet, so this one's caller may not be told of it: it waits for the next round.
    const leadKeys = dedupeLockNamesOf(keys[n]!);
    if (leadKeys.some((key) => claimed.has(key))) return { kind: 'later' };
    leadKeys.forEach((key) => claimed.add(key));
    const decided = decideLead({ policy, definitions }, intake, people, state, read.ids[n]!);
    state = decided.state;
    if (decided.lead.columns.owner_id !== null && !closedStates.includes(decided.lead.columns.status)) {
      countOpenLead(people, String(decided.lead.columns.owner_id));
    }
    accepted.push(decided.lead);
    return decided.lead.id;
  });
  if (accepted.length === 0 && audits.length === 0) return plan as IntakeOutcome[];

  const written = await writeIntake(em, {
    leads: accepted,
    lockNames: [...claimed],
    audits,
    machine: { key: definitions.machine.key, version: definitions.machine.version },
    policyKey: policy.key,
    state: { next: state, readVersion: read.routing.version },
    now: new Date(),
  });
  if (written.kind === 'written') return plan.map((step) => (typeof step === 'number' ? { kind: 'created', lead: written.leads.get(step)! } : step));
  // Under every lock since before the read, nothing can have come in since.
  if (locked) throw new Error(`lead intake: the gate refused a batch read under its locks (${written.why})`);
  return undefined;
}

/** A lead given to someone within the batch weighs on the least-loaded and capacity checks of the leads after it. */
function countOpenLead(people: RoutingCandidate[], ownerId: string): void {
  const owner = people.find((person) => person.id === ownerId);
  if (owner?.loads.openLeads !== undefined) owner.loads.openLeads++;
}

/** One lead's start in the lead machine and its routing decision, as the row, audit entry and notice to write. */
function decideLead(
  { policy, definitions }: { policy: PublishedRoutingPolicy; definitions: RecordDefinitions },
  intake: LeadIntake,
  people: readonly RoutingCandidate[],
  state: RoutingState,
  id: number,
): { lead: LeadToInsert; state: RoutingState } {
  const { lead: input, stamp } = intake;
  const start = initialSnapshot(definitions.machine.document, {
    actor: intake.actor,
    facts: {},
    now: stamp.now,
    timeZone: intake.timeZone,
    catalogue: definitions.catalogue,
  });
  const record = {
    name: input.name,
    company: input.company,
    phone: input.phone,
    email: input.email,
    region: input.region,
    source: input.source,
    campaign_id: input.campaignId,
    score: input.score,
    status: start.snapshot.value,
    ownership: 'pool',
    owner_id: null,
    created_at: stamp.now,
    custom_fields: input.customFields,
  };
  const decision = decideRouting(policy.document, definitions.catalogue, { record, candidates: people, state, now: stamp.now, timeZone: intake.timeZone });
  const ownerId = decision.target.kind === 'user' ? Number(decision.target.userId) : null;
  const assignment: LeadAssignment = {
    policyKey: policy.key,
    policyVersion: policy.version,
    ruleId: decision.ruleId ?? null,
    strategy: decision.strategy ?? null,
    target: decision.target.kind,
    userId: ownerId,
    summary: decision.summary,
    steps: decision.steps,
    decidedAt: stamp.now.toISOString(),
  };
  const { phoneNormalized, ...shown } = input;
  const lead: LeadToInsert = {
    id,
    columns: {
      name: input.name,
      company: input.company,
      phone: input.phone,
      phone_normalized: phoneNormalized,
      email: input.email,
      email_key: emailKeyOf(input.email),
      region: input.region,
      source: input.source,
      campaign_id: input.campaignId,
      web_form_id: input.webFormId,
      score: input.score,
      status: start.snapshot.value,
      owner_id: ownerId,
      custom_fields: input.customFields,
      assignment,
      machine_snapshot: start.snapshot,
      created_by: intake.createdBy,
    },
    stamp,
    audit: {
      after: { ...shown, status: start.snapshot.value, ownership: ownerId === null ? 'pool' : 'personal', ownerId, assignment, id },
      why: { kind: 'trace', trace: start.trace, payload: { routing: assignment } },
    },
    notice: assignmentNotice({ name: input.name, ownerId, summary: assignment.summary }, stamp.actorId),
  };
  return { lead, state: decision.state };
}
