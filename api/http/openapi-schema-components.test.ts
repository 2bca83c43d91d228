import { describe, expect, it } from 'vitest';
import { conditionSchema } from '../../definitions/condition.schema.ts';
import { conditionRefSchema } from '../../definitions/condition-reference.schema.ts';
import { collectSchemaComponents } from './openapi-schema-components.ts';

const team = { title: 'New team', type: 'object', properties: { name: { type: 'string' } } };

describe('schema components of the OpenAPI document', () => {
  it('names a titled schema once, however often it is placed, and leaves untitled ones inline', () => {
    const components = collectSchemaComponents();
    expect(components.place(team)).toEqual({ $ref: '#/components/schemas/NewTeam' });
    expect(components.place({ type: 'array', items: team })).toEqual({ type: 'array', items: { $ref: '#/components/schemas/NewTeam' } });
    expect(components.place({ type: 'string' })).toEqual({ type: 'string' });
    expect(Object.keys(components.schemas())).toEqual(['NewTeam']);
  });

  it('refuses two different schemas under one name', () => {
    const components = collectSchemaComponents();
    components.place(team);
    expect(() => components.place({ ...team, required: ['name'] })).toThrow(/both called "NewTeam"/);
  });

  it('drops $schema keywords but keeps a property that happens to be called $schema', () => {
    const components = collectSchemaComponents();
    const placed = components.place({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { $schema: { type: 'string' } },
    });
    expect(placed).toEqual({ type: 'object', properties: { $schema: { type: 'string' } } });
  });

  it('dissolves a schema with an $id into components and points every $ref, inside it too, at them', () => {
    const components = collectSchemaComponents();
    expect(components.place({ type: 'object', properties: { when: conditionSchema } })).toEqual({
      type: 'object',
      properties: { when: { $ref: '#/components/schemas/Condition' } },
    });
    const { Condition: condition, ...others } = components.schemas();
    expect(others).toEqual({});
    expect(condition).toMatchObject({ title: 'Condition', oneOf: expect.any(Array) });
    expect(JSON.stringify(condition)).not.toMatch(/\$id|\$schema|\$defs/);
    expect(condition?.oneOf).toContainEqual(expect.objectContaining({ properties: { not: { $ref: '#/components/schemas/Condition' } } }));
  });

  it('names the $defs of a schema that is more than a reference after it', () => {
    const machine = {
      $id: 'https://stagecraft.dev/schemas/little-machine.json',
      type: 'object',
      properties: { entry: { $ref: '#/$defs/effect' } },
      $defs: { effect: { type: 'string' } },
    };
    const components = collectSchemaComponents();
    expect(components.place(machine)).toEqual({ $ref: '#/components/schemas/LittleMachine' });
    expect(components.schemas()).toEqual({
      LittleMachine: { type: 'object', properties: { entry: { $ref: '#/components/schemas/LittleMachineEffect' } } },
      LittleMachineEffect: { type: 'string' },
    });
  });

  it('adds a schema referenced only by its $id when the document knows it, and refuses an unknown one', () => {
    const known = collectSchemaComponents([conditionSchema]);
    expect(known.place({ type: 'object', properties: { filter: conditionRefSchema } })).toEqual({
      type: 'object',
      properties: { filter: { $ref: '#/components/schemas/Condition' } },
    });
    expect(Object.keys(known.schemas())).toEqual(['Condition']);

    const unknown = collectSchemaComponents();
    expect(() => unknown.place({ type: 'object', properties: { filter: conditionRefSchema } })).toThrow(/does not know/);
  });
});
