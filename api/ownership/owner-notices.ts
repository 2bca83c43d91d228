import type { EffectInvocation } from '../../definitions/effect-catalogue.schema.ts';
import type { LocalizedText } from '../../engine/validation/problem.ts';
import type { CommandContext } from '../commands/command-context.ts';
import type { CustomerDocument } from '../customers/customer-document.ts';
import { effectMessages } from '../outbox/effect-messages.ts';

/**
 * Tells people whose customers someone else moved (a removed claim, a reassignment, a collaborator added or
 * removed) through the outbox, as the catalogue's `notify` effect: nobody loses or gains a customer unawares.
 */
export function noticeOwners(
  context: CommandContext,
  customer: CustomerDocument,
  cause: string,
  notices: ReadonlyArray<{ userId: number; title: LocalizedText }>,
): void {
  const effects: EffectInvocation[] = notices
    .filter((notice) => notice.userId !== context.actorId)
    .map((notice) => ({
      type: 'notify',
      params: { to: [{ userId: String(notice.userId) }], title: notice.title, severity: 'info' },
    }));
  const source = { entity: 'customer', recordId: customer.id, version: customer.version, cause, actorId: context.actorId };
  for (const message of effectMessages(source, effects)) context.enqueue(message);
}
