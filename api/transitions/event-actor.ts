import { systemRole } from '../../definitions/machine.schema.ts';
import type { MachineActor } from '../../engine/machines/index.ts';
import type { SignedIn } from '../auth/signed-in.ts';

/**
 * Who sends an event: a signed-in person (their role key is their machine role, their scope decides what they see)
 * or the runtime itself (the `system` role, which sees every record: a linked record's news, a contact logged).
 */
export type EventActor = { kind: 'person'; caller: SignedIn } | { kind: 'system'; timeZone: string };

export function personActor(caller: SignedIn): EventActor {
  return { kind: 'person', caller };
}

export function systemActor(timeZone: string): EventActor {
  return { kind: 'system', timeZone };
}

export function machineActorOf(actor: EventActor): MachineActor {
  return actor.kind === 'person'
    ? { userId: String(actor.caller.user.id), roles: [actor.caller.role.key] }
    : { userId: systemRole, roles: [systemRole] };
}

export function timeZoneOf(actor: EventActor): string {
  return actor.kind === 'person' ? actor.caller.user.timeZone : actor.timeZone;
}
