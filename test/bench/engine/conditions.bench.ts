import type { Condition } from '../../../definitions/condition.schema.ts';
import { defaultFactCatalogues } from '../../../definitions/defaults/facts/default-fact-catalogues.ts';
import { compileConditionToPredicate } from '../../../engine/conditions/compile-condition-to-predicate.ts';
import { buildRulesEngineEvaluator } from '../../../engine/conditions/evaluate-with-rules-engine.ts';
import type { FactRow } from '../../../engine/conditions/read-fact-value.ts';
import { measureOpsPerSec, printBenchLine } from '../support/bench-line.ts';

/**
 * The pool-recycle rule over 10,000 customer fact rows: the compiled closure against json-rules-engine's
 * Engine.run per record (engine built once, the record supplied as facts on each run) — the reference the closure
 * must agree with, and the speed it must beat by 20× for sweeps to stay in memory-cheap territory.
 */
const catalogue = defaultFactCatalogues.customer;
const recycle: Condition = {
  all: [
    { fact: 'ownership', operator: 'equal', value: 'personal' },
    { fact: 'stage', operator: 'in', value: ['potential', 'target'] },
    { fact: 'daysSinceLastContact', operator: 'greaterThanInclusive', value: 15 },
    { not: { fact: 'hasOpenOpportunity', operator: 'equal', value: true } },
  ],
};
const context = { now: new Date('2024-05-20T01:30:00Z'), timeZone: 'Asia/Shanghai' };
const records = 10_000;

// A fixed-seed generator (mulberry32) so every run judges the same rows.
function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function factRows(count: number): FactRow[] {
  const random = randomSource(42);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const now = context.now.getTime();
  return Array.from({ length: count }, (_, index) => ({
    id: index + 1,
    name: `Customer ${index + 1}`,
    stage: pick(['reserve', 'target', 'potential', 'potential', 'opportunity', 'won']),
    ownership: pick(['personal', 'personal', 'collaborative', 'pool']),
    owner_id: pick(['u1', 'u2', 'u3', null]),
    last_contact_at: random() < 0.1 ? null : new Date(now - Math.floor(random() * 40 * 86_400_000)),
    created_at: new Date(now - Math.floor(random() * 400 * 86_400_000)),
    custom_fields: { level: pick(['A', 'B', 'C', 'D']) },
    owned_count_today: '0',
    has_open_opportunity: random() < 0.2,
  }));
}

const rows = factRows(records);
const predicate = compileConditionToPredicate(recycle, catalogue);
const reference = buildRulesEngineEvaluator(recycle, catalogue);

let compiledMatches = 0;
const compiledPerSec = measureOpsPerSec(() => {
  const matches = predicate.prepare(context);
  compiledMatches = 0;
  for (const row of rows) if (matches(row)) compiledMatches++;
}, records);

async function rulesEnginePerSec(minMs: number): Promise<{ perSec: number; matched: number }> {
  let evaluations = 0;
  let matched = 0;
  const start = performance.now();
  while (performance.now() - start < minMs || evaluations < records) {
    const row = rows[evaluations % records] as FactRow;
    if ((await reference.run(row, context)) && evaluations < records) matched++;
    evaluations++;
  }
  return { perSec: (evaluations * 1_000) / (performance.now() - start), matched };
}

await rulesEnginePerSec(250);
const baseline = await rulesEnginePerSec(1_000);
if (baseline.matched !== compiledMatches) {
  throw new Error(`The closure matched ${compiledMatches} records, json-rules-engine ${baseline.matched}.`);
}
printBenchLine('engine.conditions', {
  compiledPerSec,
  rulesEnginePerSec: baseline.perSec,
  conditionSpeedup: compiledPerSec / baseline.perSec,
  records,
  matched: compiledMatches,
});
