/** What one item of a batch came to: its own result, or its own error. */
export type BatchOutcome<Result> = { ok: true; value: Result } | { ok: false; error: unknown };

/** Runs a batch: one outcome per item, in the items' order. Throwing fails every item of the batch with that error. */
export type BatchRun<Item, Result> = (items: readonly Item[]) => Promise<ReadonlyArray<BatchOutcome<Result>>>;

export interface NaturalBatchSettings {
  /** The most items one batch takes; the rest wait for the next. */
  maxItems: number;
  /** How many batches may run at once (one keeps a strict order: each batch sees the previous one's effects). */
  running?: number;
}

/**
 * Natural batching ("group commit"): an item that arrives while a batch is running waits, and every item waiting
 * when a batch finishes goes together into the next one. An item that arrives with no batch running starts one at
 * once, so a quiet system adds no latency and no timer is involved; under load the batches grow with the queue, and
 * the work paid per batch (a round trip, a transaction, a WAL flush) is shared by all its items. Items run in the
 * order they arrived.
 */
export function naturalBatches<Item, Result>(run: BatchRun<Item, Result>, settings: NaturalBatchSettings): (item: Item) => Promise<Result> {
  const waiting: Array<{ item: Item; resolve: (value: Result) => void; reject: (error: unknown) => void }> = [];
  const maxRunning = settings.running ?? 1;
  let running = 0;

  const startNext = () => {
    if (running >= maxRunning || waiting.length === 0) return;
    const batch = waiting.splice(0, settings.maxItems);
    running++;
    void run(batch.map((entry) => entry.item))
      .then(
        (outcomes) => {
          batch.forEach((entry, index) => {
            const outcome = outcomes[index];
            if (outcome === undefined) entry.reject(new Error(`a batch of ${batch.length} gave ${outcomes.length} outcomes`));
            else if (outcome.ok) entry.resolve(outcome.value);
            else entry.reject(outcome.error);
          });
        },
        (error: unknown) => {
          for (const entry of batch) entry.reject(error);
        },
      )
      .finally(() => {
        running--;
        startNext();
      });
  };

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      startNext();
    });
}
