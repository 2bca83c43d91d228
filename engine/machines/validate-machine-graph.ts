import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import { pointer, problem, type Problem } from '../validation/problem.ts';
import { durationToMs } from './duration-to-ms.ts';
import { transitionsOf, type LocatedTransition } from './machine-parts.ts';

function initialProblems(definition: MachineDefinition): Problem[] {
  if (Object.hasOwn(definition.states, definition.initial)) return [];
  return [
    problem(
      '/initial',
      'machine.unknownInitial',
      `The initial stage "${definition.initial}" is not one of the stages.`,
      `初始阶段“${definition.initial}”不在阶段列表中。`,
    ),
  ];
}

function targetProblems(definition: MachineDefinition, transitions: LocatedTransition[]): Problem[] {
  return transitions.flatMap(({ path, transition }) =>
    transition.target === undefined || Object.hasOwn(definition.states, transition.target)
      ? []
      : [
          problem(
            pointer(path, 'target'),
            'machine.unknownTarget',
            `The target stage "${transition.target}" does not exist.`,
            `目标阶段“${transition.target}”不存在。`,
          ),
        ],
  );
}

function eventProblems(definition: MachineDefinition, transitions: LocatedTransition[]): Problem[] {
  const reported = new Set<string>();
  return transitions.flatMap(({ kind, source, trigger }) => {
    const path = pointer('/states', source, 'on', trigger);
    if (kind !== 'event' || Object.hasOwn(definition.events, trigger) || reported.has(path)) return [];
    reported.add(path);
    return [
      problem(
        path,
        'machine.unknownEvent',
        `The event ${trigger} is not declared under "events".`,
        `事件 ${trigger} 未在“events”中声明。`,
      ),
    ];
  });
}

function reachableStages(definition: MachineDefinition, transitions: LocatedTransition[]): Set<string> {
  const edges = new Map<string, string[]>();
  for (const { source, transition } of transitions) {
    if (transition.target !== undefined) edges.set(source, [...(edges.get(source) ?? []), transition.target]);
  }
  const reached = new Set<string>([definition.initial]);
  const queue = [definition.initial];
  for (let stage = queue.shift(); stage !== undefined; stage = queue.shift()) {
    for (const next of edges.get(stage) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return reached;
}

function unreachableProblems(definition: MachineDefinition, transitions: LocatedTransition[]): Problem[] {
  if (!Object.hasOwn(definition.states, definition.initial)) return [];
  const reached = reachableStages(definition, transitions);
  return Object.keys(definition.states)
    .filter((key) => !reached.has(key))
    .map((key) =>
      problem(
        pointer('/states', key),
        'machine.unreachableStage',
        `No transition leads to stage "${key}" from the initial stage.`,
        `从初始阶段出发没有任何转换能到达阶段“${key}”。`,
      ),
    );
}

function finalStageProblems(definition: MachineDefinition): Problem[] {
  return Object.entries(definition.states).flatMap(([key, state]) =>
    state.type === 'final'
      ? (['on', 'always', 'after', 'exit'] as const)
          .filter((part) => state[part] !== undefined)
          .map((part) =>
            problem(
              pointer('/states', key, part),
              'machine.finalStageLeaves',
              `Stage "${key}" is final: nothing happens after it and it is never left, so it may not have "${part}".`,
              `阶段“${key}”是最终阶段，之后不会再发生任何事，也不会离开，不能有“${part}”。`,
            ),
          )
      : [],
  );
}

/** `always` transitions chained in a circle would make XState loop forever inside one event. */
function alwaysCycleProblems(transitions: LocatedTransition[]): Problem[] {
  const next = new Map<string, string[]>();
  for (const { kind, source, transition } of transitions) {
    if (kind === 'always' && transition.target !== undefined) {
      next.set(source, [...(next.get(source) ?? []), transition.target]);
    }
  }
  const cyclic = new Set<string>();
  for (const start of next.keys()) {
    const seen = new Set<string>();
    const stack = [...(next.get(start) ?? [])];
    for (let stage = stack.pop(); stage !== undefined; stage = stack.pop()) {
      if (stage === start) cyclic.add(start);
      if (seen.has(stage)) continue;
      seen.add(stage);
      stack.push(...(next.get(stage) ?? []));
    }
  }
  return [...cyclic].map((key) =>
    problem(
      pointer('/states', key, 'always'),
      'machine.alwaysCycle',
      `The "always" transitions from "${key}" lead back to it; the machine could loop forever.`,
      `从“${key}”出发的“always”转换会回到它自己，状态机可能无限循环。`,
    ),
  );
}

function delayProblems(transitions: LocatedTransition[]): Problem[] {
  const reported = new Set<string>();
  return transitions.flatMap(({ kind, source, trigger }) => {
    const path = pointer('/states', source, 'after', trigger);
    if (kind !== 'after' || (durationToMs(trigger) ?? 0) > 0 || reported.has(path)) return [];
    reported.add(path);
    return [problem(path, 'machine.zeroDelay', 'A timer must wait longer than zero.', '定时器的等待时间必须大于零。')];
  });
}

/** Stage keys differing only in case look like one stage in lists and reports; labels alike look like one button. */
function collisionProblems(definition: MachineDefinition): Problem[] {
  const problems: Problem[] = [];
  const byLowerKey = new Map<string, string>();
  for (const key of Object.keys(definition.states)) {
    const earlier = byLowerKey.get(key.toLowerCase());
    if (earlier !== undefined) {
      problems.push(
        problem(
          pointer('/states', key),
          'machine.duplicateStage',
          `Stage "${key}" differs from "${earlier}" only in upper and lower case.`,
          `阶段“${key}”与“${earlier}”仅大小写不同。`,
        ),
      );
    } else byLowerKey.set(key.toLowerCase(), key);
  }
  for (const locale of ['en', 'zh-CN'] as const) {
    const byLabel = new Map<string, string>();
    for (const [event, { label }] of Object.entries(definition.events)) {
      const earlier = byLabel.get(label[locale]);
      if (earlier !== undefined) {
        problems.push(
          problem(
            pointer('/events', event, 'label', locale),
            'machine.duplicateEventLabel',
            `Events ${earlier} and ${event} have the same label "${label[locale]}".`,
            `事件 ${earlier} 与 ${event} 的名称“${label[locale]}”相同。`,
          ),
        );
      } else byLabel.set(label[locale], event);
    }
  }
  return problems;
}

/** The structure of the graph: stages, targets, events, reachability, final stages, loops, timers. */
export function machineGraphProblems(definition: MachineDefinition): Problem[] {
  const transitions = transitionsOf(definition);
  return [
    ...initialProblems(definition),
    ...collisionProblems(definition),
    ...targetProblems(definition, transitions),
    ...eventProblems(definition, transitions),
    ...unreachableProblems(definition, transitions),
    ...finalStageProblems(definition),
    ...alwaysCycleProblems(transitions),
    ...delayProblems(transitions),
  ];
}
