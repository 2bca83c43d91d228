import { describe, expect, it } from 'vitest';
import { defaultMachines } from '../../definitions/defaults/machines/default-machines.ts';
import { availableTransitions } from './available-transitions.ts';
import { drive } from './testing/drive-machine.ts';
import { contextFor } from './testing/machine-test-context.ts';
import { initialSnapshot, transition } from './transition.ts';

const lifecycle = defaultMachines['customer-lifecycle'];
const system = { roles: ['system'] };
const known = { custom_fields: { industry: 'it', level: 'A' } };
const asRep = (facts: Record<string, unknown> = known) => contextFor(lifecycle, { roles: ['rep'], facts });
const asManager = (facts: Record<string, unknown> = known) => contextFor(lifecycle, { roles: ['manager'], facts });

const contactedTarget = () => drive(lifecycle, ['SELECT', 'CONTACT_LOGGED']);
const potential = () => drive(lifecycle, ['SELECT', 'CONTACT_LOGGED', { event: 'UPGRADE', facts: known }]);
const won = () => drive(lifecycle, ['SELECT', { event: 'DEAL_WON', ...system }]);

describe('the customer lifecycle of seed 001', () => {
  it('keeps a new customer in the reserve, not yet contacted', () => {
    const { snapshot, effects } = initialSnapshot(lifecycle, asRep());
    expect(snapshot).toMatchObject({ value: 'reserve', flags: { contacted: false }, status: 'active' });
    expect(effects).toEqual([]);
  });

  it('lets a rep select a reserve customer as a target customer, making it theirs', () => {
    const result = transition(lifecycle, drive(lifecycle, []), { type: 'SELECT' }, asRep());
    expect(result).toMatchObject({ ok: true, snapshot: { value: 'target', flags: { contacted: false } } });
    expect(result.ok && result.effects).toEqual([{ type: 'assignOwner', params: { to: 'actor' } }]);
  });

  it('marks a target customer contacted when a contact is logged', () => {
    expect(contactedTarget()).toMatchObject({ value: 'target', flags: { contacted: true } });
  });

  it('does not let a rep upgrade a target customer nobody has contacted yet', () => {
    const result = transition(lifecycle, drive(lifecycle, ['SELECT']), { type: 'UPGRADE' }, asRep());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toEqual({
      path: '/states/target/on/UPGRADE',
      code: 'flagsMismatch',
      message: {
        en: '“Upgrade to potential customer” is only possible while contacted = true.',
        'zh-CN': '只有在 contacted = true 时才能执行“上转为潜在客户”。',
      },
    });
  });

  it('asks for the industry before a target customer becomes a potential customer', () => {
    const result = transition(lifecycle, contactedTarget(), { type: 'UPGRADE' }, asRep({ custom_fields: {} }));
    expect(!result.ok && result.reason.code).toBe('requiredFieldMissing');
    expect(!result.ok && result.reason.message['zh-CN']).toBe('执行“上转为潜在客户”前请先填写：industry。');
  });

  it('starts tracking a new potential customer with a revisit in three days', () => {
    const result = transition(lifecycle, contactedTarget(), { type: 'UPGRADE' }, asRep());
    expect(result).toMatchObject({ ok: true, snapshot: { value: 'potential', flags: { tracking: 'tracking' } } });
    expect(result.ok && result.effects).toEqual([
      expect.objectContaining({ type: 'scheduleFollowUp', params: expect.objectContaining({ after: { days: 3 } }) }),
    ]);
  });

  it('lets a rep upgrade a potential customer to opportunity, telling the manager', () => {
    const result = transition(lifecycle, potential(), { type: 'UPGRADE' }, asRep());
    expect(result).toMatchObject({ ok: true, snapshot: { value: 'opportunity', flags: { tracking: 'tracking' } } });
    expect(result.ok && result.effects.map((e) => e.type)).toEqual(['notify']);
  });

  it('lets a rep pause and resume tracking, but not pause twice', () => {
    const paused = transition(lifecycle, potential(), { type: 'PAUSE_TRACKING' }, asRep());
    expect(paused).toMatchObject({ ok: true, snapshot: { value: 'potential', flags: { tracking: 'paused' } } });
    if (!paused.ok) return;
    expect(transition(lifecycle, paused.snapshot, { type: 'PAUSE_TRACKING' }, asRep())).toMatchObject({
      ok: false,
      reason: { code: 'flagsMismatch' },
    });
    expect(transition(lifecycle, paused.snapshot, { type: 'RESUME_TRACKING' }, asRep())).toMatchObject({
      ok: true,
      snapshot: { flags: { tracking: 'tracking' } },
    });
  });

  it('does not let a rep downgrade a won customer', () => {
    const result = transition(lifecycle, won(), { type: 'DOWNGRADE' }, asRep());
    expect(!result.ok && result.reason).toEqual({
      path: '/states/won/on/DOWNGRADE',
      code: 'permissionDenied',
      message: {
        en: '“Downgrade to opportunity customer” needs the downgrade permission in stage “Won customer”, which none of your roles has.',
        'zh-CN': '“下放为商机客户”需要在“成交客户”阶段拥有 downgrade 权限，您的角色都没有该权限。',
      },
    });
  });

  it('lets a manager downgrade a won customer to an opportunity customer', () => {
    expect(transition(lifecycle, won(), { type: 'DOWNGRADE' }, asManager())).toMatchObject({
      ok: true,
      snapshot: { value: 'opportunity' },
    });
  });

  it('puts a downgraded target customer back into the shared reserve', () => {
    const result = transition(lifecycle, contactedTarget(), { type: 'DOWNGRADE' }, asRep());
    expect(result).toMatchObject({ ok: true, snapshot: { value: 'reserve', flags: { contacted: false } } });
    expect(result.ok && result.effects).toEqual([{ type: 'releaseToPool', params: { reason: 'unqualified' } }]);
  });

  it('keeps a downgraded potential customer marked as contacted', () => {
    expect(transition(lifecycle, potential(), { type: 'DOWNGRADE' }, asRep())).toMatchObject({
      ok: true,
      snapshot: { value: 'target', flags: { contacted: true } },
    });
  });

  it('makes a customer an opportunity customer when one of its opportunities starts selling', () => {
    for (const start of [drive(lifecycle, []), contactedTarget(), potential()]) {
      const result = transition(lifecycle, start, { type: 'OPPORTUNITY_SELLING' }, contextFor(lifecycle, system));
      expect(result).toMatchObject({ ok: true, snapshot: { value: 'opportunity' } });
    }
  });

  it('keeps the system’s events away from people', () => {
    const result = transition(lifecycle, potential(), { type: 'OPPORTUNITY_SELLING' }, asRep());
    expect(!result.ok && result.reason.code).toBe('roleNotAllowed');
    const buttons = availableTransitions(lifecycle, potential(), asRep()).map((b) => b.event);
    expect(buttons).not.toContain('OPPORTUNITY_SELLING');
  });

  it('claims only customers in the pool, and never reserve customers', () => {
    const pooled = transition(lifecycle, contactedTarget(), { type: 'CLAIM' }, asRep({ ownership: 'pool' }));
    expect(pooled.ok && pooled.effects).toEqual([{ type: 'assignOwner', params: { to: 'actor' } }]);
    const owned = transition(lifecycle, contactedTarget(), { type: 'CLAIM' }, asRep({ ownership: 'personal' }));
    expect(!owned.ok && owned.reason.code).toBe('guardFailed');
    const reserve = transition(lifecycle, drive(lifecycle, []), { type: 'CLAIM' }, asRep({ ownership: 'pool' }));
    expect(!reserve.ok && reserve.reason.code).toBe('eventNotAccepted');
  });

  it('follows a won customer’s orders until they are settled', () => {
    expect(won()).toMatchObject({ value: 'won', flags: { tracking: 'tracking', orderInProgress: true } });
    const settled = transition(lifecycle, won(), { type: 'ORDERS_SETTLED' }, contextFor(lifecycle, system));
    expect(settled).toMatchObject({ ok: true, snapshot: { flags: { orderInProgress: false } } });
  });

  it('offers a rep the buttons of a potential customer, saying why the unavailable ones are', () => {
    const buttons = availableTransitions(lifecycle, potential(), asRep({ ownership: 'personal', custom_fields: {} }));
    expect(buttons.map((b) => [b.event, b.available, b.reason?.code ?? null])).toEqual([
      ['UPGRADE', false, 'requiredFieldMissing'],
      ['DOWNGRADE', true, null],
      ['PAUSE_TRACKING', true, null],
      ['RESUME_TRACKING', false, 'flagsMismatch'],
      ['CLAIM', false, 'guardFailed'],
      ['RELEASE', true, null],
    ]);
    expect(buttons[0]).toMatchObject({
      label: { en: 'Upgrade to opportunity customer', 'zh-CN': '上转为商机客户' },
      target: 'opportunity',
      targetLabel: { en: 'Opportunity customer', 'zh-CN': '商机客户' },
      transition: '/states/potential/on/UPGRADE',
    });
  });
});
