import { workLineBuckets, type StageSummary, type WorkLineBucket } from '../api/work-queue.ts';

export interface WorkLineCell {
  bucket: WorkLineBucket;
  count: number;
  /** Tinted (the seed's pale red) when there is something to do, so a glance finds the work. */
  tinted: boolean;
}

export interface WorkLineRow {
  stage: StageSummary;
  cells: WorkLineCell[];
}

export interface WorkLineGrid {
  buckets: readonly WorkLineBucket[];
  rows: WorkLineRow[];
  totals: WorkLineCell[];
}

const cellOf = (bucket: WorkLineBucket, count: number): WorkLineCell => ({ bucket, count, tinted: count > 0 });

/** The grid of stages × buckets: a missing count is 0; the last row sums each column. */
export function buildWorkLineGrid(stages: readonly StageSummary[]): WorkLineGrid {
  const rows = stages.map((stage) => ({
    stage,
    cells: workLineBuckets.map((bucket) => cellOf(bucket, stage.counts[bucket] ?? 0)),
  }));
  const totals = workLineBuckets.map((bucket, column) =>
    cellOf(
      bucket,
      rows.reduce((sum, row) => sum + row.cells[column]!.count, 0),
    ),
  );
  return { buckets: workLineBuckets, rows, totals };
}
