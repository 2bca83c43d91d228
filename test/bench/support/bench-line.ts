/**
 * One benchmark result as one JSON line on stdout: `{"bench": NAME, ...figures}`. Figures are numbers rounded to
 * three significant decimals so lines stay readable; ratios compare against a baseline measured in the same run.
 */
export function printBenchLine(bench: string, figures: Record<string, number | string | boolean>): void {
  const rounded = Object.fromEntries(
    Object.entries(figures).map(([key, value]) => [key, typeof value === 'number' ? roundFigure(value) : value]),
  );
  process.stdout.write(`${JSON.stringify({ bench, ...rounded })}\n`);
}

function roundFigure(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  return Number(value.toFixed(Math.abs(value) >= 100 ? 1 : 3));
}

/** Runs `body` repeatedly for at least `minMs` (after a warm-up) and returns operations per second. */
export function measureOpsPerSec(body: () => void, opsPerCall: number, minMs = 1_000): number {
  const warmUntil = performance.now() + minMs / 4;
  while (performance.now() < warmUntil) body();
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    body();
    calls++;
    elapsed = performance.now() - start;
  }
  return (calls * opsPerCall * 1_000) / elapsed;
}

/** The value at quantile q (0..1) of the samples. */
export function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
