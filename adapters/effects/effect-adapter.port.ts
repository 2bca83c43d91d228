/**
 * Where an effect leaves the system (an SMS gateway, a mail server, a webhook's receiver). The dispatcher calls
 * `deliver` inside the transaction that marks the message done, so a crash after the call and before the commit
 * makes it call again: every implementation passes `idempotencyKey` on to the provider (or remembers it), so the
 * provider recognises the second call and the outcome stays exactly once.
 */
export interface EffectAdapter {
  deliver(request: EffectRequest): Promise<void>;
}

export interface EffectRequest {
  /** The outbox topic, `effect.<type>` for the catalogue's effects. */
  topic: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
}
