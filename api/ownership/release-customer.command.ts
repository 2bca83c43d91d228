import type { MikroORM } from '@mikro-orm/postgresql';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import type { CustomerView } from '../customers/customer-view.schema.ts';
import type { OwnershipReasonBody } from './ownership-bodies.schema.ts';
import { returnToPool } from './return-to-pool.ts';

/**
 * Gives a customer back to the shared pool (释放): its owner, a manager of the owner's team or an administrator,
 * with `release` in its stage. Every owner — collaborators too — loses it; each loss is a `release` history row.
 */
export function releaseCustomer(orm: MikroORM, origin: CommandOrigin, caller: SignedIn, id: number, body: OwnershipReasonBody): Promise<CustomerView> {
  return returnToPool(orm, origin, caller, id, body, {
    permission: 'release',
    doing: { en: 'release this customer to the pool', 'zh-CN': '将该客户释放到公海' },
    loss: 'release',
    audit: { action: 'release', code: 'released' },
  });
}
