import type { LocalizedText } from '../../engine/validation/problem.ts';

/**
 * A message that no retry can deliver as things stand (no adapter configured, a record or user that cannot take
 * it): the dispatcher parks it as a dead letter at once, with `reason` for the admins' list, instead of wasting its
 * retries. Once the cause is fixed an admin retries it.
 */
export class UndeliverableMessage extends Error {
  override name = 'UndeliverableMessage';
  readonly reason: LocalizedText;

  constructor(reason: LocalizedText) {
    super(reason.en);
    this.reason = reason;
  }
}
