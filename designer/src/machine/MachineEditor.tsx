import { useState } from 'react';
import type { FactCatalogue } from '../../../definitions/fact-catalogue.schema.ts';
import { stateKeyPattern, type MachineDefinition } from '../../../definitions/machine.schema.ts';
import type { ProblemEntry } from '../problems/problem-entry.ts';
import type { RoleSummary } from '../api/roles-api.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { addedTransitionAddress, addState, addTransition, moveState, removeState, removeTransition, type MachineEdit } from '../model/machine-edits.ts';
import { nextFreePosition } from '../model/layout-machine.ts';
import { findTransition, isEventName, transitionPointer } from '../model/machine-transitions.ts';
import { ProblemList } from '../problems/ProblemList.tsx';
import { placeOfProblem } from '../problems/problem-locations.ts';
import { roleNames } from '../roles/role-names.ts';
import { MachineCanvas, type Selection } from './MachineCanvas.tsx';
import type { DiffMarks } from './machine-graph.ts';
import { StateInspector } from './StateInspector.tsx';
import { TransitionInspector } from './TransitionInspector.tsx';

interface MachineEditorProps {
  machine: MachineDefinition;
  problems: readonly ProblemEntry[];
  catalogue: FactCatalogue | undefined;
  /** The tenant's roles; undefined until loaded. */
  roles: readonly RoleSummary[] | undefined;
  marks: DiffMarks | undefined;
  edit(change: MachineEdit): void;
}

/** The machine editor: the graph, the inspector of what is selected, the problems, and a form to add a state. */
export function MachineEditor({ machine, problems, catalogue, roles, marks, edit }: MachineEditorProps) {
  const { locale, t } = useI18n();
  const names = roleNames(machine, roles, locale);
  const [selection, setSelection] = useState<Selection>();
  const [pendingConnection, setPendingConnection] = useState<{ source: string; target: string } | undefined>();
  // A selection whose state or transition an undo removed shows nothing rather than stale fields.
  const live =
    selection?.kind === 'state' ? selection.key in machine.states : selection?.kind === 'transition' ? findTransition(machine, selection.pointer) !== undefined : false;

  /** Adds a transition and selects it, so its label, roles, guard and effects can be filled in next. */
  function wire(source: string, event: string, target: string) {
    const address = addedTransitionAddress(machine, source, event);
    edit(addTransition(source, event, target));
    setSelection({ kind: 'transition', pointer: transitionPointer(address) });
  }

  function deleteSelection() {
    if (selection?.kind === 'state') edit(removeState(selection.key));
    if (selection?.kind === 'transition') {
      const located = findTransition(machine, selection.pointer);
      if (located) edit(removeTransition(located));
    }
    setSelection(undefined);
  }

  return (
    <div className="machine-editor">
      <MachineCanvas
        machine={machine}
        problems={problems}
        marks={marks}
        selection={live ? selection : undefined}
        onSelect={setSelection}
        onMove={(state, position) => edit(moveState(state, position))}
        onConnect={(source, target) => setPendingConnection({ source, target })}
        onDeleteSelection={deleteSelection}
      />
      <aside className="inspector-column">
        {pendingConnection && (
          <EventPrompt
            machine={machine}
            {...pendingConnection}
            onCancel={() => setPendingConnection(undefined)}
            onChoose={(event) => {
              wire(pendingConnection.source, event, pendingConnection.target);
              setPendingConnection(undefined);
            }}
          />
        )}
        {live && selection?.kind === 'state' && (
          <StateInspector machine={machine} stateKey={selection.key} problems={problems} roles={names} edit={edit} onWire={wire} onDeleted={() => setSelection(undefined)} />
        )}
        {live && selection?.kind === 'transition' && (
          <TransitionInspector machine={machine} pointer={selection.pointer} problems={problems} catalogue={catalogue} roles={names} edit={edit} onDeleted={() => setSelection(undefined)} />
        )}
        {!live && <NewStateForm machine={machine} onAdd={(key, label) => { edit(addState(key, label, nextFreePosition(machine))); setSelection({ kind: 'state', key }); }} />}
        {problems.length > 0 ? (
          <ProblemList
            title={t('problems.title', { count: problems.length })}
            problems={problems}
            onPick={(path) => {
              const place = placeOfProblem(machine, path);
              if (place.kind === 'transition') setSelection({ kind: 'transition', pointer: place.pointer });
              else if (place.kind === 'state' && place.key in machine.states) setSelection({ kind: 'state', key: place.key });
            }}
          />
        ) : (
          <p className="no-problems" role="status">
            {t('problems.none')}
          </p>
        )}
      </aside>
    </div>
  );
}

const statePattern = new RegExp(stateKeyPattern);

function NewStateForm({ machine, onAdd }: { machine: MachineDefinition; onAdd(key: string, label: { en: string; 'zh-CN': string }): void }) {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const taken = key in machine.states;
  const valid = statePattern.test(key) && !taken && zh.trim() !== '' && en.trim() !== '';
  return (
    <form
      className="inspector"
      aria-label={t('state.new')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        onAdd(key, { en: en.trim(), 'zh-CN': zh.trim() });
        setKey('');
        setZh('');
        setEn('');
      }}
    >
      <h2>{t('state.new')}</h2>
      <p className="muted">{t('state.newHint')}</p>
      <label>
        {t('state.key')}
        <input value={key} aria-invalid={(key !== '' && !statePattern.test(key)) || taken || undefined} onChange={(event) => setKey(event.target.value)} />
      </label>
      {taken && <p role="alert">{t('state.keyTaken')}</p>}
      <label>
        {t('state.labelZh')}
        <input value={zh} onChange={(event) => setZh(event.target.value)} />
      </label>
      <label>
        {t('state.labelEn')}
        <input value={en} onChange={(event) => setEn(event.target.value)} />
      </label>
      <button type="submit" disabled={!valid}>
        {t('state.add')}
      </button>
    </form>
  );
}

/** After a drag from one state to another: which event takes the new transition. */
function EventPrompt({ machine, source, target, onChoose, onCancel }: { machine: MachineDefinition; source: string; target: string; onChoose(event: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const [event, setEvent] = useState('');
  const valid = isEventName(event);
  return (
    <form
      className="inspector"
      aria-label={t('transition.new')}
      onSubmit={(submit) => {
        submit.preventDefault();
        if (valid) onChoose(event);
      }}
    >
      <h2>
        {t('transition.new')} <code>{source}</code> → <code>{target}</code>
      </h2>
      <label>
        {t('transition.event')}
        <input autoFocus list="known-events" value={event} onChange={(e) => setEvent(e.target.value.toUpperCase())} />
      </label>
      <datalist id="known-events">
        {Object.keys(machine.events).map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <button type="submit" disabled={!valid}>
        {t('transition.add')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
