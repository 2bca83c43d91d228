import { describe, expect, it } from 'vitest';
import { effectNames, type EffectInvocation } from '../../definitions/effect-catalogue.schema.ts';
import { validateEffects } from './validate-effects.ts';

function oneOfEachEffect(): EffectInvocation[] {
  return [
    { type: 'assignOwner', params: { to: 'routing' } },
    { type: 'releaseToPool', params: { reason: 'recycled' } },
    { type: 'createTask', params: { kind: 'call', title: { en: 'Call back', 'zh-CN': '回电' }, due: { days: 1 } } },
    { type: 'scheduleFollowUp', params: { after: { days: 3 }, channel: 'call' } },
    { type: 'setField', params: { field: 'level', value: 'A' } },
    { type: 'setFlags', params: { flags: { contacted: true, tracking: 'tracking' } } },
    { type: 'createRecord', params: { entity: 'order', copyFields: { amount: 'opportunity.amount' }, linkToSource: true } },
    { type: 'notify', params: { to: ['owner', { role: 'salesManager' }], title: { en: 'Won', 'zh-CN': '赢单' } } },
    { type: 'sendSms', params: { to: 'primaryContact', templateId: 'welcome', variables: { name: 'contact.name' } } },
    { type: 'sendEmail', params: { to: 'primaryContact', templateId: 'quote', cc: ['owner'] } },
    { type: 'dial', params: { to: 'primaryContact', mode: 'clickToDial', agent: 'owner' } },
    { type: 'webhook', params: { url: 'https://erp.example.com/hooks/order', body: 'record', secretRef: 'erpSecret' } },
  ];
}

describe('effect validation', () => {
  it('accepts one valid invocation of every effect of the catalogue', () => {
    const effects = oneOfEachEffect();
    expect(effects.map((e) => e.type)).toEqual([...effectNames]);
    expect(validateEffects(effects, '/effects')).toEqual([]);
  });

  it('names an unknown effect type at its path and lists the catalogue in both languages', () => {
    const [p, ...rest] = validateEffects([{ type: 'sendFax', params: {} }], '/states/won/entry');
    expect(rest).toEqual([]);
    expect(p?.path).toBe('/states/won/entry/0/type');
    expect(p?.code).toBe('effect.unknownType');
    expect(p?.message.en).toContain('"sendFax" is not an effect');
    expect(p?.message.en).toContain('sendSms');
    expect(p?.message['zh-CN']).toContain('“sendFax”不是效果目录中的效果');
  });

  it('reports a missing type as a required property', () => {
    expect(validateEffects([{ params: {} }], '/effects')).toEqual([
      expect.objectContaining({ path: '/effects/0/type', code: 'schema.required' }),
    ]);
  });

  it('points at the bad parameter of the branch its type names, not at the union', () => {
    const problems = validateEffects(
      [{ type: 'createTask', params: { kind: 'call', title: { en: 'Call back' }, due: {} } }],
      '/effects',
    );
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/effects/0/params/title/zh-CN', 'schema.required'],
      ['/effects/0/params/due', 'schema.minProperties'],
    ]);
    expect(problems[0]?.message).toEqual({ en: '"zh-CN" is required.', 'zh-CN': '缺少必填项“zh-CN”。' });
  });

  it('requires a user id when the owner is a named user', () => {
    expect(validateEffects([{ type: 'assignOwner', params: { to: 'user' } }], '')).toEqual([
      expect.objectContaining({ path: '/0/params/userId', code: 'schema.required' }),
    ]);
  });

  it('lists the allowed owners when the target is unknown', () => {
    const [p] = validateEffects([{ type: 'assignOwner', params: { to: 'boss' } }], '');
    expect(p?.path).toBe('/0/params/to');
    expect(p?.message.en).toContain('"actor", "previousOwner", "user", "routing"');
  });

  it('rejects parameters the effect does not know', () => {
    expect(validateEffects([{ type: 'releaseToPool', params: { reason: 'recycled', days: 3 } }], '')).toEqual([
      expect.objectContaining({ path: '/0/params/days', code: 'schema.unknownProperty' }),
    ]);
  });

  it('accepts only http(s) webhook addresses', () => {
    expect(validateEffects([{ type: 'webhook', params: { url: 'ftp://x.example.com' } }], '')).toEqual([
      expect.objectContaining({ path: '/0/params/url', code: 'schema.pattern' }),
    ]);
  });

  it('rejects flags outside the stage-flag vocabulary', () => {
    const problems = validateEffects([{ type: 'setFlags', params: { flags: { selling: 'won', vip: true } } }], '');
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/0/params/flags/vip', 'schema.unknownProperty'],
      ['/0/params/flags/selling', 'schema.enum'],
    ]);
  });

  it('refuses a created record field that is both set and copied', () => {
    const effects = [
      { type: 'createRecord', params: { entity: 'order', values: { amount: 0 }, copyFields: { amount: 'opportunity.amount' } } },
    ];
    expect(validateEffects(effects, '/effects')).toEqual([
      expect.objectContaining({ path: '/effects/0/params/values/amount', code: 'effect.fieldSetTwice' }),
    ]);
  });

  it('requires a list', () => {
    expect(validateEffects({ type: 'dial' }, '/actions')).toEqual([
      expect.objectContaining({ path: '/actions', code: 'schema.type' }),
    ]);
  });
});
