import type { MikroORM } from '@mikro-orm/postgresql';
import type { StagePermission } from '../../definitions/machine.schema.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { recordChangedSinceLoaded } from '../commands/conflict-problems.ts';
import { runCommand } from '../commands/run-command.ts';
import { stageForbids } from '../customers/customer-problems.ts';
import { holdsStagePermission, stageLabelOf } from '../customers/customer-stage.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { personActor, systemActor } from '../transitions/event-actor.ts';
import { fireRecordEvent } from '../transitions/fire-record-event.command.ts';
import { mayAssignTicketTo } from './ticket-assignee.ts';
import type { UpdateTicketBody } from './ticket-bodies.schema.ts';
import { ticketDocument, type TicketView } from './ticket-document.ts';
import { ticketEventAdapter } from './ticket-event-adapter.ts';
import { noSuchTicket, unknownTicketAssignee } from './ticket-problems.ts';
import { runningSlaDue, slaDueTimes } from './ticket-sla.ts';

/** The event the ticket machine reserves to the system for a new assignee. */
export const ticketAssignedEvent = 'ASSIGNED';

const contentFields = ['subject', 'description', 'priority', 'channel'] as const;

/**
 * Changes a ticket from the version the caller loaded. Its subject, description, priority and channel need the
 * state's `edit` permission; taking it yourself (or giving it back) needs `claim`, giving it to someone else
 * `assign`, and they must be a user you may give work to who can see the customer (400 at `/assigneeId`). A new
 * priority sets the due times again from when it was opened. A new assignee sends the machine ASSIGNED as the
 * system in the same transaction (a new ticket becomes assigned); a state that does not take it stays as it is.
 */
export async function updateTicket(
  orm: MikroORM,
  origin: CommandOrigin,
  caller: SignedIn,
  id: number,
  expectedVersion: number,
  body: UpdateTicketBody,
): Promise<TicketView> {
  return runCommand(orm, origin, async (context) => {
    const { em } = context;
    const row = await ticketEventAdapter.loadVisible(em, personActor(caller), id, true);
    if (row === undefined) throw noSuchTicket(id);
    if (row.version !== expectedVersion) throw recordChangedSinceLoaded(row.version);
    const machine = (await recordDefinitions(em, 'ticket', { key: row.definitionKey, version: row.definitionVersion })).machine.document;
    const state = stageLabelOf(machine, row.stage);
    const holds = (permission: StagePermission) => holdsStagePermission(machine, row.stage, caller.role.key, permission);

    const changed = contentFields.filter((key) => body[key] !== undefined);
    if (changed.length > 0 && !holds('edit')) throw stageForbids({ en: 'edit tickets', 'zh-CN': '修改工单' }, state, caller.role.labels);
    const currentAssignee = row.assigneeId ?? null;
    const newAssignee = body.assigneeId;
    const reassigning = newAssignee !== undefined && newAssignee !== currentAssignee;
    if (reassigning) {
      const aboutSelf = newAssignee === caller.user.id || (newAssignee === null && currentAssignee === caller.user.id);
      if (!(holds('assign') || (aboutSelf && holds('claim')))) {
        const what = aboutSelf ? { en: 'take tickets', 'zh-CN': '领取工单' } : { en: 'assign tickets', 'zh-CN': '分派工单' };
        throw stageForbids(what, state, caller.role.labels, '/assigneeId');
      }
      if (newAssignee !== null && !(await mayAssignTicketTo(em, caller, newAssignee, row.customerId))) throw unknownTicketAssignee(newAssignee);
    }

    const before = ticketDocument(row, context.now);
    if (body.subject !== undefined) row.subject = body.subject.trim();
    if (body.description !== undefined) row.description = body.description;
    if (body.channel !== undefined) row.channel = body.channel;
    if (body.priority !== undefined && body.priority !== row.priority) {
      row.priority = body.priority;
      const dues = await slaDueTimes(em, body.priority, row.createdAt);
      row.responseDueAt = dues.responseDueAt;
      row.resolveDueAt = dues.resolveDueAt;
      row.slaDueAt = runningSlaDue({ ...dues, firstResponseAt: row.firstResponseAt, resolvedAt: row.resolvedAt });
    }
    if (reassigning) row.assigneeId = newAssignee;
    row.updatedAt = context.now;
    await em.flush();
    context.audit({
      entity: 'ticket',
      recordId: row.id,
      customerId: row.customerId,
      action: 'update',
      before: { ...before },
      after: { ...ticketDocument(row, context.now) },
      why: { kind: 'reason', code: 'edit', fields: [...changed, ...(reassigning ? ['assigneeId'] : [])] },
    });

    if (reassigning && newAssignee !== null) {
      // The edit already moved the version; the machine's step belongs to the same change, so it keeps it.
      await fireRecordEvent(context, ticketEventAdapter, row.id, { type: ticketAssignedEvent, payload: { assigneeId: newAssignee } }, systemActor(caller.user.timeZone), {
        keepVersion: true,
        cause: `assign:v${row.version}`,
      });
    }
    return ticketDocument(row, context.now);
  });
}
