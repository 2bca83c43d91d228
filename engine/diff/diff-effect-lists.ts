import { canonicalJson } from './canonical-json.ts';

/** Effects present in one list and not the other, counted as multisets (the same effect twice is two effects). */
export function diffEffectLists(
  before: readonly unknown[],
  after: readonly unknown[],
): { added: unknown[]; removed: unknown[] } {
  const remaining = new Map<string, number>();
  for (const effect of before) {
    const key = canonicalJson(effect);
    remaining.set(key, (remaining.get(key) ?? 0) + 1);
  }
  const added: unknown[] = [];
  for (const effect of after) {
    const key = canonicalJson(effect);
    const count = remaining.get(key) ?? 0;
    if (count > 0) remaining.set(key, count - 1);
    else added.push(effect);
  }
  const removed = before.filter((effect) => {
    const key = canonicalJson(effect);
    const count = remaining.get(key) ?? 0;
    if (count === 0) return false;
    remaining.set(key, count - 1);
    return true;
  });
  return { added, removed };
}

function effectTypes(effects: readonly unknown[]): string {
  return effects.map((e) => String((e as { type?: unknown } | null)?.type ?? '?')).join(', ');
}

/** `added sendSms; removed notify` in both languages, or undefined when no effect came or went. */
export function describeEffectListChange(
  added: readonly unknown[],
  removed: readonly unknown[],
): { en: string; zh: string } | undefined {
  if (added.length + removed.length === 0) return undefined;
  const en: string[] = [];
  const zh: string[] = [];
  if (added.length > 0) {
    en.push(`added ${effectTypes(added)}`);
    zh.push(`新增 ${effectTypes(added)}`);
  }
  if (removed.length > 0) {
    en.push(`removed ${effectTypes(removed)}`);
    zh.push(`移除 ${effectTypes(removed)}`);
  }
  return { en: en.join('; '), zh: zh.join('；') };
}
