import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery } from '../database/bound-query.ts';
import type { TicketPriority } from './ticket.entity.ts';

export const slaStates = ['onTrack', 'responseOverdue', 'resolveOverdue', 'met', 'breached', 'none'] as const;
export type SlaState = (typeof slaStates)[number];

export interface SlaDueTimes {
  responseDueAt: Date | null;
  resolveDueAt: Date | null;
}

const minuteMs = 60_000;

/**
 * When a ticket of this priority opened at `openedAt` must get its first response and be resolved, from the
 * ticket_sla_policy table (data an administrator may change, not code); no row for the priority: no service level.
 */
export async function slaDueTimes(em: EntityManager, priority: TicketPriority, openedAt: Date): Promise<SlaDueTimes> {
  const [policy] = await boundQuery<{ respond: number; resolve: number }>(
    em,
    'select respond_within_minutes as respond, resolve_within_minutes as resolve from ticket_sla_policy where priority = $1',
    [priority],
  );
  if (policy === undefined) return { responseDueAt: null, resolveDueAt: null };
  return {
    responseDueAt: new Date(openedAt.getTime() + policy.respond * minuteMs),
    resolveDueAt: new Date(openedAt.getTime() + policy.resolve * minuteMs),
  };
}

interface SlaTimes extends SlaDueTimes {
  firstResponseAt?: Date | null;
  resolvedAt?: Date | null;
}

/**
 * The due time running now, kept in `sla_due_at` for the timers and the queue: the response due until someone
 * starts on the ticket, then the resolve due until it is resolved, then none.
 */
export function runningSlaDue(ticket: SlaTimes): Date | null {
  if (ticket.resolvedAt != null) return null;
  return ticket.firstResponseAt == null ? ticket.responseDueAt : ticket.resolveDueAt;
}

const after = (time: Date | null | undefined, due: Date | null) => time != null && due !== null && time.getTime() > due.getTime();

/**
 * Where a ticket stands against its service level at `now`: resolved tickets `met` it or `breached` it (a late
 * first response or a late resolution); open ones are `onTrack` or overdue for their response or resolution.
 */
export function slaStateOf(ticket: SlaTimes, now: Date): SlaState {
  if (ticket.responseDueAt === null || ticket.resolveDueAt === null) return 'none';
  if (ticket.resolvedAt != null) {
    return after(ticket.resolvedAt, ticket.resolveDueAt) || after(ticket.firstResponseAt, ticket.responseDueAt) ? 'breached' : 'met';
  }
  if (ticket.firstResponseAt == null && after(now, ticket.responseDueAt)) return 'responseOverdue';
  return after(now, ticket.resolveDueAt) ? 'resolveOverdue' : 'onTrack';
}
