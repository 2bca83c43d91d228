import { describe, expect, it } from 'vitest';
import { defaultMachines } from '../../../definitions/defaults/machines/default-machines.ts';
import type { MachineDefinition } from '../../../definitions/machine.schema.ts';
import { diffMachines } from '../../../engine/diff/diff-machines.ts';
import { machineGraph } from '../machine/machine-graph.ts';
import { addState, addTransition, updateTransition } from '../model/machine-edits.ts';
import { diffMarksOf } from './diff-marks.ts';

describe('a version diff on the graph', () => {
  it('marks the added state and transition and the changed transition of the newer version', () => {
    const older = defaultMachines['customer-lifecycle'] as MachineDefinition;
    let newer = addState('qualified', { en: 'Qualified', 'zh-CN': '合格客户' })(older);
    newer = addTransition('potential', 'QUALIFY', 'qualified')(newer);
    newer = updateTransition({ source: 'opportunity', trigger: { kind: 'on', event: 'DOWNGRADE' }, index: null }, { target: 'target' })(newer);
    const marks = diffMarksOf(diffMachines(older, newer).changes);
    const graph = machineGraph(newer, [], 'en', marks);
    expect(graph.nodes.find((node) => node.id === 'qualified')!.data.diffMark).toBe('added');
    expect(graph.edges.find((edge) => edge.id === '/states/potential/on/QUALIFY')!.className).toContain('diff-added');
    expect(graph.edges.find((edge) => edge.id === '/states/opportunity/on/DOWNGRADE')!.className).toContain('diff-changed');
    expect(graph.edges.find((edge) => edge.id === '/states/target/on/UPGRADE')!.className).not.toContain('diff-');
  });
});
