import type { FromSchema } from 'json-schema-to-ts';
import { conditionRefSchema, type ConditionReferenceOptions } from './condition-reference.schema.ts';
import { effectInvocationSchema, stageFlagsSchema, type EffectInvocation } from './effect-catalogue.schema.ts';
import { entitySchema } from './entity.schema.ts';
import { localizedTextSchema } from './localized-text.schema.ts';

/**
 * A machine definition: the stages a record moves through and what may move it. The semantic part is an
 * XState-compatible JSON subset (flat `states`, `initial`, `on`, `always`, `after`, `entry`, `exit`, `tags`,
 * `type: 'final'`); the rest is ours: bilingual labels, colours, who may take a transition, fields required before
 * it, what each role may do in each stage, the stage's flags and (for opportunities) its win probability.
 *
 * Guards are conditions (condition.schema.ts); actions, entry and exit are effect invocations from the closed effect
 * catalogue. A `setFlags` action sets the record's stage flags inside the machine (the snapshot holds them) instead
 * of being handed to the runtime. Entering a stage, its flags start at the values it declares unless the transition
 * into it set them; a transition that stays in its stage keeps them. `after` keys are durations an admin can read
 * (`15d`, `4h`, `1d12h`, `30m`), counted from when the stage was entered. Designer positions live under each state's
 * `meta.layout`, which diffs ignore.
 */

/** The runtime itself (timers, sweeps, events raised by other records): holds every stage permission. */
export const systemRole = 'system';

/** What a role may do to a record while it is in a stage (seed 001's per-stage operation tables). */
export const stagePermissions = [
  'view',
  'edit',
  'claim',
  'release',
  'upgrade',
  'downgrade',
  'flag',
  'assign',
  'share',
  'delete',
] as const;

export type StagePermission = (typeof stagePermissions)[number];

export const stateKeyPattern = '^[a-z][A-Za-z0-9]*$';
export const eventNamePattern = '^[A-Z][A-Z0-9_]*$';
/** The role documents' key form (role.schema.ts). */
export const roleNamePattern = '^[A-Za-z][A-Za-z0-9_]*$';
/** Days, hours, minutes and seconds in that order, each optional but at least one: `15d`, `1d12h`, `90m`. */
export const durationPattern = '^(?=\\d)(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?$';

const stateKeySchema = { type: 'string', pattern: stateKeyPattern } as const;
const roleListSchema = {
  type: 'array',
  items: { type: 'string', pattern: roleNamePattern },
  minItems: 1,
  uniqueItems: true,
} as const;
const fieldKeyListSchema = {
  type: 'array',
  items: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*$' },
  minItems: 1,
  uniqueItems: true,
} as const;
const effectRefSchema = { $ref: '#/$defs/effect' } as const;
const effectListSchema = { type: 'array', items: effectRefSchema } as const;

/** Properties every transition has, whoever takes it. */
const sharedTransitionProperties = {
  target: stateKeySchema,
  label: localizedTextSchema,
  description: localizedTextSchema,
  guard: conditionRefSchema,
  whenFlags: { ...stageFlagsSchema, minProperties: 1, description: 'taken only while the flags have these values' },
  actions: effectListSchema,
} as const;

/** A transition a person (or the runtime on their behalf) asks for with an event. */
export const eventTransitionSchema = {
  type: 'object',
  properties: {
    ...sharedTransitionProperties,
    roles: { ...roleListSchema, description: 'only actors holding one of these roles may take it' },
    permission: { type: 'string', description: 'a stage permission the actor must hold in the source stage' },
    requiredFields: { ...fieldKeyListSchema, description: 'fields that must be non-empty before it is taken' },
    reenter: { type: 'boolean', description: 'a self-transition that exits and re-enters (restarting timers)' },
  },
  additionalProperties: false,
} as const;

/** `always` and `after` transitions: taken by the machine itself, so no roles, permissions or required fields. */
export const automaticTransitionSchema = {
  type: 'object',
  properties: sharedTransitionProperties,
  required: ['target'],
  additionalProperties: false,
} as const;

// if/then/else rather than anyOf: ajv then reports a bad transition at its own path, not "matches no form".
const oneOrManySchema = <const T>(item: T) =>
  ({ if: { type: 'array' }, then: { type: 'array', items: item, minItems: 1 }, else: item }) as const;

export const stateSchema = {
  type: 'object',
  properties: {
    label: localizedTextSchema,
    description: localizedTextSchema,
    type: { const: 'final' },
    color: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
    tags: { type: 'array', items: { type: 'string', pattern: '^[a-z][A-Za-z0-9]*$' }, uniqueItems: true },
    flags: { ...stageFlagsSchema, description: 'the flags this stage carries, with the value they start with' },
    probability: { type: 'number', minimum: 0, maximum: 100, description: 'win probability in percent' },
    permissions: {
      type: 'object',
      propertyNames: { pattern: roleNamePattern },
      additionalProperties: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    },
    editableFields: fieldKeyListSchema,
    entry: effectListSchema,
    exit: effectListSchema,
    on: {
      type: 'object',
      propertyNames: { pattern: eventNamePattern },
      additionalProperties: oneOrManySchema(eventTransitionSchema),
    },
    always: oneOrManySchema(automaticTransitionSchema),
    after: {
      type: 'object',
      propertyNames: { pattern: durationPattern },
      additionalProperties: oneOrManySchema(automaticTransitionSchema),
    },
    meta: {
      type: 'object',
      properties: {
        layout: {
          type: 'object',
          properties: { x: { type: 'number' }, y: { type: 'number' } },
          required: ['x', 'y'],
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
  },
  required: ['label'],
  additionalProperties: false,
} as const;

export const machineDefinitionSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://stagecraft.dev/schemas/machine.json',
  title: 'Machine definition',
  type: 'object',
  $defs: { effect: effectInvocationSchema },
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,119}$' },
    version: { type: 'integer', minimum: 1 },
    entity: entitySchema,
    label: localizedTextSchema,
    description: localizedTextSchema,
    initial: stateKeySchema,
    events: {
      description: 'every event the machine understands, with the label its button or audit line shows',
      type: 'object',
      propertyNames: { pattern: eventNamePattern },
      additionalProperties: {
        type: 'object',
        properties: { label: localizedTextSchema, description: localizedTextSchema },
        required: ['label'],
        additionalProperties: false,
      },
    },
    states: {
      type: 'object',
      propertyNames: { pattern: stateKeyPattern },
      minProperties: 1,
      additionalProperties: stateSchema,
    },
  },
  required: ['id', 'version', 'entity', 'label', 'initial', 'events', 'states'],
  additionalProperties: false,
} as const;

// Effect invocations are a twelve-way union behind a `$ref` and conditions are recursive, which json-schema-to-ts
// cannot follow (TS2589); the deserialize patterns put the types their own schemas derive at those references.
// Part types are read off the whole definition, where the effect's `$defs` are in scope.
type MachineSchemaOptions = {
  parseIfThenElseKeywords: true;
  references: ConditionReferenceOptions['references'];
  deserialize: [
    ...ConditionReferenceOptions['deserialize'],
    { pattern: typeof effectRefSchema; output: EffectInvocation },
  ];
};

export type MachineDefinition = FromSchema<typeof machineDefinitionSchema, MachineSchemaOptions>;
export type MachineState = MachineDefinition['states'][string];
export type EventTransition = Exclude<NonNullable<MachineState['on']>[string], unknown[]>;
export type AutomaticTransition = Exclude<NonNullable<MachineState['after']>[string], unknown[]>;
export type MachineTransition = EventTransition | AutomaticTransition;
