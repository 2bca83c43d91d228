import fc from 'fast-check';
import { msPerDay } from '../../engine/conditions/calendar-days.ts';
import type { EvaluationContext } from '../../engine/conditions/evaluation-context.ts';

/** Random customers (and the rows their aggregates count) for the differential test, around one evaluation instant. */
export interface RecordBatch {
  context: EvaluationContext & { now: number };
  customers: Array<Record<string, unknown>>;
  ownershipEvents: Array<Record<string, unknown>>;
  opportunities: Array<Record<string, unknown>>;
}

const hour = 3_600_000;

/** Instants just before, at and after the day boundaries of Asia/Shanghai (16:00 UTC) and UTC (00:00). */
const boundaryNows = [
  '2024-05-20T15:59:59.999Z',
  '2024-05-20T16:00:00.000Z',
  '2024-05-20T23:59:59.999Z',
  '2024-05-21T00:00:00.000Z',
  '2024-05-20T08:30:00.000Z',
  '2024-02-29T16:00:00.001Z',
].map(Date.parse);

export const contextArbitrary: fc.Arbitrary<RecordBatch['context']> = fc.oneof(
  fc.record({ now: fc.constantFrom(...boundaryNows), timeZone: fc.constantFrom('Asia/Shanghai', 'UTC') }),
  // A day of 25 hours: New York leaves daylight saving time on 2024-11-03.
  fc.record({
    now: fc.constantFrom(Date.parse('2024-11-03T04:30:00Z'), Date.parse('2024-11-04T04:59:59.999Z')),
    timeZone: fc.constant('America/New_York'),
  }),
);

/** An instant a whole number of days from `base`, at a time of day where some zone's day turns, or anywhere. */
export function instantNear(base: number, days: { min: number; max: number }): fc.Arbitrary<number> {
  return fc
    .tuple(
      fc.integer(days),
      fc.oneof(
        fc.constantFrom(0, -1, 1, 16 * hour, 16 * hour - 1, 16 * hour + 1, 4 * hour, 5 * hour - 1, 5 * hour),
        fc.integer({ min: 0, max: 24 * hour - 1 }),
      ),
    )
    .map(([day, offset]) => base + day * msPerDay + offset);
}

export function dayTextNear(base: number, days: { min: number; max: number }): fc.Arbitrary<string> {
  return fc.integer(days).map((day) => new Date(base + day * msPerDay).toISOString().slice(0, 10));
}

const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 4 });

function customFieldsArbitrary(base: number) {
  return fc.record(
    {
      level: fc.constantFrom<unknown>('A', 'B', 'C', 'D', 'Z', '', null, 5),
      region: fc.constantFrom<unknown>('North', 'north', '东区', 'North-East', '', null, 7),
      budget: fc.constantFrom<unknown>(0, 12.5, '12.5', '15', 'abc', '', null, 1e301, '1e3', -2, '007', '-0', true, 15.5),
      vip: fc.constantFrom<unknown>(true, false, 'true', null, 0),
      visitOn: fc.oneof(dayTextNear(base, { min: -3, max: 3 }), fc.constantFrom<unknown>('2024-02-31', 'garbage', '', null, 20240520)),
      tier: fc.constantFrom<unknown>('gold', 'silver', 'bronze', '', null),
    },
    { requiredKeys: [] },
  );
}

function customerArbitrary(base: number) {
  const instant = (min: number, max: number) => nullable(instantNear(base, { min, max }).map((ms) => new Date(ms)));
  return fc.record({
    name: nullable(fc.constantFrom('Wang Wei', 'wang wei', '王伟', 'Ann', '', 'An', 'ANN')),
    phone: nullable(fc.constantFrom('13800000000', '', '+86 138 0000')),
    stage: nullable(fc.constantFrom('reserve', 'target', 'potential', 'opportunity', 'won', '', 'unknown')),
    ownership: nullable(fc.constantFrom('personal', 'collaborative', 'pool')),
    owner_id: nullable(fc.constantFrom('u1', 'u2')),
    do_not_call: nullable(fc.boolean()),
    call_count: nullable(fc.integer({ min: -1, max: 20 })),
    total_deal_amount: nullable(fc.constantFrom(0, 15, 15.5, 99.99, 100, -3.25)),
    contract_ends_on: nullable(dayTextNear(base, { min: -3, max: 3 })),
    created_at: instant(-40, 0),
    last_contact_at: instant(-20, 1),
    last_deal_at: instant(-20, 0),
    next_follow_up_at: instant(-2, 3),
    custom_fields: fc.option(customFieldsArbitrary(base), { nil: null, freq: 8 }),
  });
}

export function recordBatchArbitrary(): fc.Arbitrary<RecordBatch> {
  return contextArbitrary.chain((context) => {
    const base = Math.floor(context.now / msPerDay) * msPerDay;
    return fc.record({
      context: fc.constant(context),
      customers: fc
        .array(customerArbitrary(base), { minLength: 1, maxLength: 30 })
        .map((rows) => rows.map((row, index) => ({ id: index + 1, ...row }))),
      ownershipEvents: fc.array(
        fc.record({
          owner_id: nullable(fc.constantFrom('u1', 'u2')),
          action: fc.constantFrom('claim', 'release'),
          occurred_at: instantNear(base, { min: -1, max: 1 }).map((ms) => new Date(ms)),
        }),
        { maxLength: 12 },
      ),
      opportunities: fc.array(
        fc.record({ customer_id: fc.integer({ min: 1, max: 30 }), status: fc.constantFrom('open', 'won') }),
        { maxLength: 10 },
      ),
    });
  });
}
