import type { FromSchema } from 'json-schema-to-ts';
import { stageFlagsSchema } from '../../definitions/effect-catalogue.schema.ts';
import { eventNamePattern } from '../../definitions/machine.schema.ts';
import { versionSchema } from '../customers/customer-bodies.schema.ts';

/** POST /api/<entity>/:id/events */
export const recordEventBodySchema = {
  title: 'Record event',
  type: 'object',
  properties: {
    type: { type: 'string', pattern: eventNamePattern, maxLength: 64, description: 'the event: UPGRADE, PAUSE_TRACKING, ADVANCE, … (GET …/actions lists the ones your role may send now)' },
    payload: { type: 'object', maxProperties: 50, description: 'kept with the audit entry; the machine decides on the type alone' },
    version: { ...versionSchema, description: 'the version you saw, instead of If-Match: a different one answers 409 `stale-version`' },
  },
  required: ['type'],
  additionalProperties: false,
} as const;

export type RecordEventBody = FromSchema<typeof recordEventBodySchema>;

const firedEventProperties = {
  entity: { type: 'string', description: 'customer, opportunity, …' },
  id: { type: 'integer', minimum: 1 },
  event: { type: 'string' },
  from: { type: 'string', description: 'the stage before' },
  to: { type: 'string', description: 'the stage after (the same when the transition stays, e.g. a flag change)' },
  flags: stageFlagsSchema,
  version: { type: 'integer', minimum: 1, description: 'the record’s version after the event' },
  effects: {
    type: 'array',
    description: 'the effects queued in the outbox, each under its idempotency key',
    items: {
      type: 'object',
      properties: { type: { type: 'string' }, idempotencyKey: { type: 'string' } },
      required: ['type', 'idempotencyKey'],
      additionalProperties: false,
    },
  },
} as const;

/** What POST …/events answers: the transition taken and the events it set off on linked records. */
export const firedEventSchema = {
  title: 'Fired event',
  type: 'object',
  properties: {
    ...firedEventProperties,
    followUps: {
      type: 'array',
      description: 'events the runtime sent linked records as the system in the same transaction (an opportunity selling moves its customer)',
      items: {
        type: 'object',
        properties: { ...firedEventProperties, followUps: { type: 'array' } },
        required: ['entity', 'id', 'event', 'from', 'to', 'flags', 'version', 'effects'],
      },
    },
  },
  required: ['entity', 'id', 'event', 'from', 'to', 'flags', 'version', 'effects', 'followUps'],
  additionalProperties: false,
} as const;

export const eventProblems = {
  403: '`forbidden` with `reason.code` `roleNotAllowed` or `permissionDenied`: the definition does not let your role take it in this stage.',
  409:
    '`transition-refused` with the engine’s `reason` (`code`: flagsMismatch, requiredFieldMissing, guardFailed, eventNotAccepted, machineDone, …; `path` into the definition; `message`); nothing was changed. `stale-version`: If-Match or `version` names an older version.',
} as const;
