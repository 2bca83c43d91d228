import type { EntityManager } from '@mikro-orm/postgresql';
import { problem, type Problem } from '../../engine/validation/problem.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { validationFailed } from '../http/http-problem.ts';

/** Refuses stages the published customer machine does not have, naming each at `/stages/<index>`. */
export async function checkCallScriptStages(em: EntityManager, stages: readonly string[] | undefined): Promise<void> {
  if (stages === undefined || stages.length === 0) return;
  const { machine } = await recordDefinitions(em, 'customer');
  const known = Object.keys(machine.document.states);
  const problems: Problem[] = stages.flatMap((stage, index) =>
    known.includes(stage)
      ? []
      : [problem(`/stages/${index}`, 'unknown-stage', `The customer machine has no stage "${stage}" (it has ${known.join(', ')}).`, `客户状态机没有阶段“${stage}”（现有：${known.join('、')}）。`)],
  );
  if (problems.length > 0) throw validationFailed(problems);
}
