import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import { pointer } from '../validation/problem.ts';
import { sameJson } from './canonical-json.ts';
import type { DefinitionChange, DefinitionDiff } from './definition-change.ts';
import { describeState, describeTransition, labelOf } from './describe-change.ts';
import { describeEffectListChange, diffEffectLists } from './diff-effect-lists.ts';
import { listTransitions, type ListedTransition, type StateMap } from './machine-transitions.ts';
import { layoutStateProperties, matchRenamedStates } from './match-renamed-states.ts';

type Text = { en: string; zh: string };
type Versions = { before: StateMap; after: StateMap };

const transitionParts = new Set(['target', 'guard', 'actions']);
const stateParts = new Set<string>(['on', 'always', 'after', 'entry', 'exit', ...layoutStateProperties]);
const machineParts = new Set(['states', 'events', 'initial', 'version', 'id']);

function change(
  kind: DefinitionChange['kind'],
  path: string,
  summary: Text,
  details: Omit<DefinitionChange, 'kind' | 'path' | 'summary'> = {},
): DefinitionChange {
  return { kind, path, summary: { en: summary.en, 'zh-CN': summary.zh }, ...details };
}

function changedProperties(before: Record<string, unknown>, after: Record<string, unknown>, skip: Set<string>) {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !skip.has(key) && !sameJson(before[key], after[key])).sort();
}

function effectChanges(path: string, before: unknown, after: unknown, where: Text): DefinitionChange[] {
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  if (sameJson(list(before), list(after))) return [];
  const { added, removed } = diffEffectLists(list(before), list(after));
  const what = describeEffectListChange(added, removed) ?? { en: 'reordered or reconfigured', zh: '顺序或参数已调整' };
  return [
    change('effectsChanged', path, { en: `Effects of ${where.en}: ${what.en}.`, zh: `${where.zh}的效果：${what.zh}。` }, {
      before,
      after,
      addedEffects: added,
      removedEffects: removed,
    }),
  ];
}

/** Pairs transitions of the two versions: same source, trigger and target first; leftovers of one trigger in order. */
function pairTransitions(before: ListedTransition[], after: ListedTransition[]) {
  const group = (t: ListedTransition) => `${t.source}\u0000${t.trigger}`;
  const unmatched = [...after];
  const take = (found: (a: ListedTransition) => boolean) => {
    const index = unmatched.findIndex(found);
    return index < 0 ? undefined : unmatched.splice(index, 1)[0];
  };
  const pairs: Array<[ListedTransition, ListedTransition]> = [];
  const leftBefore: ListedTransition[] = [];
  for (const b of before) {
    const a = take((t) => group(t) === group(b) && t.target === b.target);
    if (a === undefined) leftBefore.push(b);
    else pairs.push([b, a]);
  }
  const retargeted: Array<[ListedTransition, ListedTransition]> = [];
  const removed: ListedTransition[] = [];
  for (const b of leftBefore) {
    const a = take((t) => group(t) === group(b));
    if (a === undefined) removed.push(b);
    else retargeted.push([b, a]);
  }
  return { pairs, retargeted, removed, added: unmatched };
}

function transitionChanges(states: Versions, renames: Map<string, string>): DefinitionChange[] {
  const before = listTransitions(states.before, (id) => renames.get(id) ?? id);
  const { pairs, retargeted, removed, added } = pairTransitions(before, listTransitions(states.after));
  const label = (id: string | null) => (id === null ? null : labelOf(states.after[id] ?? states.before[id]));
  const ref = (t: ListedTransition) => ({ source: t.source, trigger: t.trigger, target: t.target });
  const text = (t: ListedTransition) => describeTransition(ref(t), label);

  const changes: DefinitionChange[] = [
    ...removed.map((t) =>
      change('transitionRemoved', t.path, { en: `Removed the transition ${text(t).en}.`, zh: `删除了转换：${text(t).zh}。` }, {
        transition: ref(t),
        before: t.transition,
      }),
    ),
    ...added.map((t) =>
      change('transitionAdded', t.path, { en: `Added the transition ${text(t).en}.`, zh: `新增了转换：${text(t).zh}。` }, {
        transition: ref(t),
        after: t.transition,
      }),
    ),
    ...retargeted.map(([b, a]) =>
      change(
        'transitionRetargeted',
        pointer(a.path, 'target'),
        { en: `The transition ${text(b).en} now goes ${text(a).en}.`, zh: `转换 ${text(b).zh} 改为 ${text(a).zh}。` },
        { transition: ref(a), before: b.target, after: a.target },
      ),
    ),
  ];
  for (const [b, a] of [...pairs, ...retargeted]) {
    const d = text(a);
    if (!sameJson(b.transition.guard, a.transition.guard)) {
      changes.push(
        change(
          'guardChanged',
          pointer(a.path, 'guard'),
          { en: `The guard of ${d.en} changed.`, zh: `${d.zh} 的守卫条件已更改。` },
          { transition: ref(a), before: b.transition.guard, after: a.transition.guard },
        ),
      );
    }
    const where = { en: `the transition ${d.en}`, zh: `转换 ${d.zh} ` };
    changes.push(...effectChanges(pointer(a.path, 'actions'), b.transition.actions, a.transition.actions, where));
    const properties = changedProperties(b.transition, a.transition, transitionParts);
    if (properties.length > 0) {
      const summary = {
        en: `The transition ${d.en} changed: ${properties.join(', ')}.`,
        zh: `转换 ${d.zh} 已更改：${properties.join('、')}。`,
      };
      changes.push(change('transitionChanged', a.path, summary, { transition: ref(a), properties }));
    }
  }
  return changes;
}

function stateChanges(states: Versions, renames: Map<string, string>): DefinitionChange[] {
  const previousId = new Map([...renames].map(([from, to]) => [to, from]));
  const changes: DefinitionChange[] = [];
  for (const [id, state] of Object.entries(states.before)) {
    if (id in states.after || renames.has(id)) continue;
    const d = describeState(id, state);
    const summary = { en: `Removed the state ${d.en}.`, zh: `删除了阶段${d.zh}。` };
    changes.push(change('stateRemoved', pointer('/states', id), summary, { state: id }));
  }
  for (const [id, state] of Object.entries(states.after)) {
    if (id in states.before || previousId.has(id)) continue;
    const d = describeState(id, state);
    const summary = { en: `Added the state ${d.en}.`, zh: `新增了阶段${d.zh}。` };
    changes.push(change('stateAdded', pointer('/states', id), summary, { state: id }));
  }
  for (const [oldId, newId] of renames) {
    const d = describeState(newId, states.after[newId]);
    const summary = { en: `Renamed the state "${oldId}" to ${d.en}.`, zh: `阶段“${oldId}”改名为${d.zh}。` };
    changes.push(change('stateRenamed', pointer('/states', newId), summary, { state: newId, previousState: oldId }));
  }
  for (const [id, after] of Object.entries(states.after)) {
    const before = states.before[previousId.get(id) ?? id];
    if (before === undefined) continue;
    const d = describeState(id, after);
    const path = pointer('/states', id);
    const properties = changedProperties(before, after, stateParts);
    if (properties.length > 0) {
      const summary = {
        en: `The state ${d.en} changed: ${properties.join(', ')}.`,
        zh: `阶段${d.zh}已更改：${properties.join('、')}。`,
      };
      changes.push(change('stateChanged', path, summary, { state: id, properties }));
    }
    const entering = { en: `entering ${d.en}`, zh: `进入阶段${d.zh}时` };
    const leaving = { en: `leaving ${d.en}`, zh: `离开阶段${d.zh}时` };
    changes.push(...effectChanges(pointer(path, 'entry'), before.entry, after.entry, entering));
    changes.push(...effectChanges(pointer(path, 'exit'), before.exit, after.exit, leaving));
  }
  return changes;
}

function machineChanges(before: MachineDefinition, after: MachineDefinition, renames: Map<string, string>) {
  const changes: DefinitionChange[] = [];
  const properties = changedProperties(before, after, machineParts);
  if (properties.length > 0) {
    const summary = { en: `The machine changed: ${properties.join(', ')}.`, zh: `状态机已更改：${properties.join('、')}。` };
    changes.push(change('definitionChanged', '', summary, { properties }));
  }
  if ((renames.get(before.initial) ?? before.initial) !== after.initial) {
    const d = describeState(after.initial, (after.states as StateMap)[after.initial]);
    const summary = { en: `New records now start in ${d.en}.`, zh: `新记录的初始阶段改为${d.zh}。` };
    changes.push(change('initialChanged', '/initial', summary, { before: before.initial, after: after.initial }));
  }
  const events = { before: before.events as Record<string, unknown>, after: after.events as Record<string, unknown> };
  for (const event of Object.keys(events.before).filter((e) => !(e in events.after))) {
    const summary = { en: `Removed the event ${event}.`, zh: `删除了事件 ${event}。` };
    changes.push(change('eventRemoved', pointer('/events', event), summary));
  }
  for (const [event, definition] of Object.entries(events.after)) {
    const path = pointer('/events', event);
    if (!(event in events.before)) {
      changes.push(change('eventAdded', path, { en: `Added the event ${event}.`, zh: `新增了事件 ${event}。` }));
    } else if (!sameJson(events.before[event], definition)) {
      const summary = { en: `The label of the event ${event} changed.`, zh: `事件 ${event} 的名称已更改。` };
      changes.push(change('eventChanged', path, summary, { before: events.before[event], after: definition }));
    }
  }
  return changes;
}

/**
 * What changes behaviour between two versions of a machine — layout (designer positions, colours) is ignored —
 * with the states records could be left in when the newer version is published.
 */
export function diffMachines(before: MachineDefinition, after: MachineDefinition): DefinitionDiff {
  const states: Versions = { before: before.states as StateMap, after: after.states as StateMap };
  const renames = matchRenamedStates(states.before, states.after);
  return {
    changes: [
      ...machineChanges(before, after, renames),
      ...stateChanges(states, renames),
      ...transitionChanges(states, renames),
    ],
    migration: {
      disappearingStates: Object.keys(states.before).filter((id) => !(id in states.after)),
      suggestedStateMap: Object.fromEntries(renames),
    },
  };
}
