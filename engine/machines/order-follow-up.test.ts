import { describe, expect, it } from 'vitest';
import { defaultMachines } from '../../definitions/defaults/machines/default-machines.ts';
import { pendingTimers } from './pending-timers.ts';
import { drive } from './testing/drive-machine.ts';
import { contextFor } from './testing/machine-test-context.ts';
import { transition } from './transition.ts';

const orders = defaultMachines['order-follow-up'];
const agreed = { amount: '5000', due_on: '2026-12-15', is_paid: false, custom_fields: {} };
const paidInFull = { ...agreed, paid_amount: '5000', is_paid: true };
const partly = { ...agreed, paid_amount: '2000', is_paid: false };
const confirmed = () => drive(orders, [{ event: 'CONFIRM', facts: agreed }]);
const shipped = () => drive(orders, [{ event: 'CONFIRM', facts: agreed }, 'SHIPPED']);

describe('order follow-up', () => {
  it('confirms an order only with its amount and due date', () => {
    const result = transition(orders, drive(orders, []), { type: 'CONFIRM' }, contextFor(orders));
    expect(!result.ok && result.reason.message).toEqual({
      en: 'Fill in amount, due_on before “Confirm”.',
      'zh-CN': '执行“确认订单”前请先填写：amount、due_on。',
    });
  });

  it('reminds the owner to agree the payment date three days after confirming', () => {
    const result = transition(orders, drive(orders, []), { type: 'CONFIRM' }, contextFor(orders, { facts: agreed }));
    expect(result.ok && result.effects).toEqual([
      expect.objectContaining({ type: 'scheduleFollowUp', params: expect.objectContaining({ after: { days: 3 } }) }),
    ]);
  });

  it('moves a fully paid order on to shipping and creates the shipping task', () => {
    const payment = contextFor(orders, { facts: paidInFull });
    const result = transition(orders, confirmed(), { type: 'PAYMENT_RECORDED' }, payment);
    expect(result).toMatchObject({ ok: true, snapshot: { value: 'paid' } });
    expect(result.ok && result.effects).toEqual([
      expect.objectContaining({ type: 'createTask', params: expect.objectContaining({ kind: 'ship' }) }),
    ]);
  });

  it('keeps a partly paid order where it is and schedules collecting the rest', () => {
    const payment = contextFor(orders, { facts: partly });
    const result = transition(orders, confirmed(), { type: 'PAYMENT_RECORDED' }, payment);
    expect(result).toMatchObject({ ok: true, snapshot: { value: 'confirmed' } });
    expect(result.trace.considered.map((c) => [c.transition, c.allowed])).toEqual([
      ['/states/confirmed/on/PAYMENT_RECORDED/0', false],
      ['/states/confirmed/on/PAYMENT_RECORDED/1', true],
    ]);
    expect(result.ok && result.effects[0]).toMatchObject({ type: 'scheduleFollowUp', params: { after: { days: 7 } } });
  });

  it('completes an order shipped before payment once it is paid, with a repeat-purchase revisit', () => {
    const payment = contextFor(orders, { facts: paidInFull });
    const result = transition(orders, shipped(), { type: 'PAYMENT_RECORDED' }, payment);
    expect(result).toMatchObject({ ok: true, snapshot: { value: 'completed', status: 'done', flags: {} } });
    expect(result.ok && result.effects[0]).toMatchObject({ type: 'scheduleFollowUp', params: { after: { days: 30 } } });
  });

  it('escalates an order still unpaid 30 days after shipping', () => {
    const [timer] = pendingTimers(orders, shipped());
    expect(timer).toMatchObject({ delay: '30d', targets: ['paymentOverdue'] });
    if (timer === undefined) return;
    const due = contextFor(orders, { roles: ['system'], now: new Date(timer.dueAt), facts: partly });
    const result = transition(orders, shipped(), timer.event, due);
    expect(result).toMatchObject({ ok: true, snapshot: { value: 'paymentOverdue' } });
    expect(result.ok && result.effects.map((e) => e.type)).toEqual(['notify', 'createTask']);
  });

  it('lets only a manager or an administrator cancel an order', () => {
    const asRep = transition(orders, confirmed(), { type: 'CANCEL' }, contextFor(orders));
    expect(!asRep.ok && asRep.reason.code).toBe('roleNotAllowed');
    const asManager = transition(orders, confirmed(), { type: 'CANCEL' }, contextFor(orders, { roles: ['manager'] }));
    expect(asManager).toMatchObject({ ok: true, snapshot: { value: 'cancelled', status: 'done' } });
  });

  it('pauses the follow-up of an order and keeps it paused as it stays in its stage', () => {
    const paused = drive(orders, [{ event: 'CONFIRM', facts: agreed }, 'PAUSE_FOLLOW_UP']);
    expect(paused.flags).toEqual({ tracking: 'paused' });
    const partPaid = transition(orders, paused, { type: 'PAYMENT_RECORDED' }, contextFor(orders, { facts: partly }));
    expect(partPaid).toMatchObject({ ok: true, snapshot: { flags: { tracking: 'paused' } } });
  });
});
