import { appendFileSync } from 'node:fs';
import type { EffectAdapter, EffectRequest } from './effect-adapter.port.ts';

export interface RecordingEffectAdapter extends EffectAdapter {
  /** Every call in order, repeats included: what a provider would have received. */
  readonly calls: readonly EffectRequest[];
}

/**
 * An adapter that only records what it is asked to deliver — for tests and for trying definitions out without a
 * gateway. With `file`, each call is also appended to it as one JSON line, synchronously, so a process killed right
 * after the call still leaves it on disk (the fault tests count calls across killed worker processes).
 */
export function createRecordingEffectAdapter(options: { file?: string } = {}): RecordingEffectAdapter {
  const calls: EffectRequest[] = [];
  return {
    calls,
    async deliver(request) {
      calls.push(request);
      if (options.file !== undefined) {
        appendFileSync(options.file, `${JSON.stringify({ topic: request.topic, idempotencyKey: request.idempotencyKey, pid: process.pid })}\n`);
      }
    },
  };
}
