import { useId, useState } from 'react';
import { stageFlagsSchema } from '../../../definitions/effect-catalogue.schema.ts';
import { stagePermissions, type MachineDefinition, type MachineState } from '../../../definitions/machine.schema.ts';
import type { ProblemEntry } from '../problems/problem-entry.ts';
import { SchemaForm, type FormSchema } from '../effects/SchemaForm.tsx';
import { CommitInput, ListInput } from '../forms/CommitInput.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { removeState, updateState, type MachineEdit } from '../model/machine-edits.ts';
import { isEventName } from '../model/machine-transitions.ts';
import { ProblemList } from '../problems/ProblemList.tsx';
import type { RoleNames } from '../roles/role-names.ts';
import { problemsUnder } from '../problems/problem-locations.ts';

interface StateInspectorProps {
  machine: MachineDefinition;
  stateKey: string;
  problems: readonly ProblemEntry[];
  roles: RoleNames;
  edit(change: MachineEdit): void;
  onWire(source: string, event: string, target: string): void;
  onDeleted(): void;
}

/** A stage's settings: labels, colour, tags, flags, what each role may do in it, and new transitions out of it. */
export function StateInspector({ machine, stateKey, problems, roles, edit, onWire, onDeleted }: StateInspectorProps) {
  const { t } = useI18n();
  const state = machine.states[stateKey]!;
  const update = (patch: Partial<MachineState>) => edit(updateState(stateKey, patch));
  const invalid = (field: string) => problemsUnder(problems, `/states/${stateKey}/${field}`).length > 0;
  const own = problemsUnder(problems, `/states/${stateKey}`).filter((entry) => !/\/(on|always|after)(\/|$)/.test(entry.path.slice(`/states/${stateKey}`.length)));
  return (
    <section className="inspector" aria-label={t('state.inspector', { state: stateKey })}>
      <h2>
        {t('state.title')} <code>{stateKey}</code>
      </h2>
      {own.length > 0 && <ProblemList title={t('problems.here')} problems={own} />}
      <CommitInput label={t('state.labelZh')} invalid={invalid('label/zh-CN')} value={state.label['zh-CN']} onCommit={(value) => update({ label: { ...state.label, 'zh-CN': value } })} />
      <CommitInput label={t('state.labelEn')} invalid={invalid('label/en')} value={state.label.en} onCommit={(value) => update({ label: { ...state.label, en: value } })} />
      <label>
        {t('state.color')}
        <input type="color" value={state.color ?? '#64748b'} onChange={(event) => update({ color: event.target.value })} />
      </label>
      <ListInput label={t('state.tags')} invalid={invalid('tags')} value={state.tags} onCommit={(tags) => update({ tags })} />
      <label>
        <input type="checkbox" checked={state.type === 'final'} onChange={(event) => update({ type: event.target.checked ? 'final' : undefined })} />
        {t('state.final')}
      </label>
      {machine.initial !== stateKey && (
        <button type="button" onClick={() => edit((m) => ({ ...m, initial: stateKey }))}>
          {t('state.makeInitial')}
        </button>
      )}
      <SchemaForm schema={stageFlagsSchema as FormSchema} label={t('state.flags')} value={state.flags} onChange={(flags) => update({ flags: flags as MachineState['flags'] })} />
      <PermissionTable state={state} roles={roles} invalid={invalid('permissions')} onChange={(permissions) => update({ permissions })} />
      <NewTransitionForm machine={machine} source={stateKey} onAdd={(event, target) => onWire(stateKey, event, target)} />
      <button
        type="button"
        className="danger"
        onClick={() => {
          edit(removeState(stateKey));
          onDeleted();
        }}
      >
        {t('state.delete')}
      </button>
    </section>
  );
}

function PermissionTable({ state, roles, invalid, onChange }: { state: MachineState; roles: RoleNames; invalid: boolean; onChange(permissions: MachineState['permissions']): void }) {
  const { t } = useI18n();
  const permissions = state.permissions ?? {};
  return (
    <table className={invalid ? 'permissions invalid' : 'permissions'}>
      <caption>{t('state.permissions')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('state.role')}</th>
          {stagePermissions.map((permission) => (
            <th key={permission} scope="col">
              {t(`permission.${permission}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {roles.keys.map((role) => (
          <tr key={role}>
            <th scope="row">{roles.label(role)}</th>
            {stagePermissions.map((permission) => {
              const held = permissions[role]?.includes(permission) ?? false;
              return (
                <td key={permission}>
                  <input
                    type="checkbox"
                    aria-label={`${roles.label(role)} ${t(`permission.${permission}`)}`}
                    checked={held}
                    onChange={() => {
                      const list = permissions[role] ?? [];
                      const next = held ? list.filter((p) => p !== permission) : stagePermissions.filter((p) => p === permission || list.includes(p));
                      onChange({ ...permissions, [role]: next });
                    }}
                  />
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Adds a transition from the keyboard: the same edit as dragging from one node's handle to another. */
function NewTransitionForm({ machine, source, onAdd }: { machine: MachineDefinition; source: string; onAdd(event: string, target: string): void }) {
  const { t } = useI18n();
  const [event, setEvent] = useState('');
  const [target, setTarget] = useState(Object.keys(machine.states).find((key) => key !== source) ?? source);
  const listId = useId();
  const eventId = useId();
  const targetId = useId();
  const valid = isEventName(event);
  return (
    <form
      className="new-transition"
      onSubmit={(submit) => {
        submit.preventDefault();
        if (!valid) return;
        onAdd(event, target);
        setEvent('');
      }}
    >
      <h3>{t('transition.new')}</h3>
      <label htmlFor={eventId}>
        {t('transition.event')}
        <input id={eventId} list={listId} value={event} aria-invalid={event !== '' && !valid} onChange={(e) => setEvent(e.target.value.toUpperCase())} />
      </label>
      <datalist id={listId}>
        {Object.keys(machine.events).map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <label htmlFor={targetId}>{t('transition.target')}</label>
      <select id={targetId} value={target} onChange={(e) => setTarget(e.target.value)}>
          {Object.keys(machine.states).map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
      </select>
      <button type="submit" disabled={!valid}>
        {t('transition.add')}
      </button>
    </form>
  );
}
