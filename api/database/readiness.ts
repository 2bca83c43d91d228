import type { MikroORM } from '@mikro-orm/postgresql';
import type { LocalizedText } from '../../engine/validation/problem.ts';
import { pendingMigrations } from './orm.ts';

export type Readiness = { ready: true } | { ready: false; reason: LocalizedText };

/** Ready means: the database answers and every committed migration has been applied. */
export async function checkReadiness(orm: MikroORM): Promise<Readiness> {
  try {
    await orm.em.getConnection().execute('select 1');
  } catch {
    return { ready: false, reason: { en: 'the database does not answer', 'zh-CN': '数据库无响应' } };
  }
  const pending = (await pendingMigrations(orm)).join(', ');
  if (pending) return { ready: false, reason: { en: `migrations pending: ${pending}`, 'zh-CN': `有未执行的数据库迁移：${pending}` } };
  return { ready: true };
}
