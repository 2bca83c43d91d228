import { durationPattern } from '../../definitions/machine.schema.ts';

const unitMs: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 };
const durationShape = new RegExp(durationPattern, 'u');

/** `15d` → 1 296 000 000; `1d12h` → 129 600 000. Undefined when the text is not a duration of the schema's form. */
export function durationToMs(duration: string): number | undefined {
  if (!durationShape.test(duration)) return undefined;
  let total = 0;
  for (const [, amount, unit] of duration.matchAll(/(\d+)([dhms])/gu)) {
    total += Number(amount) * (unitMs[unit ?? ''] ?? 0);
  }
  return total;
}
