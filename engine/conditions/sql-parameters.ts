import type { EvaluationContext } from './evaluation-context.ts';

/** SQL expressions standing for the evaluation instant and time zone, instead of bound values. */
export interface SqlClock {
  now: string;
  timeZone: string;
}

/**
 * Collects the bound parameters of one SQL fragment. Every value that comes from a condition or the context is
 * bound as `$n` with an explicit cast; only catalogue identifiers (pattern-checked, quoted) are written into the text.
 */
export class SqlParameters {
  readonly values: unknown[] = [];
  readonly #firstParam: number;
  readonly #context: EvaluationContext | undefined;
  #now: string | undefined;
  #timeZone: string | undefined;

  /**
   * `clock`, when given, is SQL for the instant and the time zone (`i.now`, `i.time_zone`: columns of a relation the
   * statement joins), so one statement can evaluate rows at different instants; otherwise `context` is bound.
   */
  constructor(firstParam: number, context: EvaluationContext | undefined, clock?: SqlClock) {
    if (!Number.isInteger(firstParam) || firstParam < 1) throw new RangeError('firstParam must be a positive integer.');
    this.#firstParam = firstParam;
    this.#context = context;
    if (clock !== undefined) {
      this.#now = `(${clock.now})::timestamptz`;
      this.#timeZone = `(${clock.timeZone})::text`;
    }
  }

  bind(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.#firstParam + this.values.length - 1}::${cast}`;
  }

  /** The evaluation instant, bound once however often the fragment uses it. */
  now(): string {
    this.#now ??= this.bind(new Date(this.#requireContext().now).toISOString(), 'timestamptz');
    return this.#now;
  }

  timeZone(): string {
    this.#timeZone ??= this.bind(this.#requireContext().timeZone, 'text');
    return this.#timeZone;
  }

  #requireContext(): EvaluationContext {
    if (this.#context === undefined) {
      throw new Error('This condition depends on the clock or the time zone: pass options.context to compile it.');
    }
    return this.#context;
  }
}

/** A PostgreSQL identifier, quoted; catalogue names are already pattern-checked, quoting keeps keywords safe. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
