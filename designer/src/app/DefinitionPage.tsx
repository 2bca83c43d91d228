import { useEffect, useMemo, useRef, useState } from 'react';
import type { LeadConversion } from '../../../definitions/lead-conversion.schema.ts';
import type { MachineDefinition } from '../../../definitions/machine.schema.ts';
import type { QueuePolicy } from '../../../definitions/queue-policy.schema.ts';
import type { Rule } from '../../../definitions/rule.schema.ts';
import type { RoutingPolicy } from '../../../definitions/routing-policy.schema.ts';
import { catalogueWithMachineStates } from '../../../engine/machines/catalogue-with-machine-states.ts';
import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import { listRoles, type RoleSummary } from '../api/roles-api.ts';
import { LeadConversionEditor } from '../conversion/LeadConversionEditor.tsx';
import { useFactCatalogues } from '../conditions/use-fact-catalogues.ts';
import { definitionsApi, type DefinitionDetail, type DefinitionKind, type DefinitionsApi } from '../api/definitions-api.ts';
import { useDraft, type SaveState } from '../drafts/use-draft.ts';
import { JsonEditor } from '../drafts/JsonEditor.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import type { DiffMarks } from '../machine/machine-graph.ts';
import type { MachineEdit } from '../model/machine-edits.ts';
import { MachineEditor } from '../machine/MachineEditor.tsx';
import { machineGraphChecks } from '../problems/live-problems.ts';
import { PublishDialog } from '../publish/PublishDialog.tsx';
import { QueuePolicyEditor } from '../rules/QueuePolicyEditor.tsx';
import { RoutingPolicyEditor } from '../rules/RoutingPolicyEditor.tsx';
import { RuleEditor } from '../rules/RuleEditor.tsx';
import { SimulationPanel } from '../simulation/SimulationPanel.tsx';
import { VersionsPanel } from '../versions/VersionsPanel.tsx';
import { kindTitles } from './DefinitionListPage.tsx';
import { useLoaded } from '../../../ui-kit/hooks/use-loaded.ts';

const saveStateKeys: Record<SaveState, MessageKey> = {
  saved: 'draft.saved',
  unsaved: 'draft.unsaved',
  saving: 'draft.saving',
  conflict: 'draft.conflict',
  failed: 'draft.failed',
};

/** One definition: its editor for the kind, the draft's save state, undo/redo, versions, simulation and publish. */
export function DefinitionPage({ api, kind, definitionKey }: { api: ApiClient; kind: DefinitionKind; definitionKey: string }) {
  const { t } = useI18n();
  const definitions = definitionsApi(api);
  const detail = useLoaded(() => definitions.get(kind, definitionKey), [kind, definitionKey]);
  // Roles name themselves in the panels; until they load (or if they cannot), their keys stand in.
  const roles = useLoaded(() => listRoles(api), []);
  if (detail.status === 'loading') return <main><p role="status">{t('app.loading')}</p></main>;
  if (detail.status === 'failed') return <main><p role="alert">{t('definition.notFound')}</p></main>;
  return <DefinitionStudio api={definitions} detail={detail.value} roles={roles.status === 'ready' ? roles.value : undefined} />;
}

type Panel = 'none' | 'versions' | 'simulation';

function DefinitionStudio({ api, detail, roles }: { api: DefinitionsApi; detail: DefinitionDetail; roles: readonly RoleSummary[] | undefined }) {
  const { locale, t } = useI18n();
  const draft = useDraft<unknown>(api, detail, detail.kind === 'machine' ? machineGraphChecks : undefined);
  const [panel, setPanel] = useState<Panel>('none');
  const panelOpeners = { versions: useRef<HTMLButtonElement>(null), simulation: useRef<HTMLButtonElement>(null) };
  /** Escape in a side panel closes it and gives the focus back to its button in the toolbar. */
  function closePanel() {
    if (panel === 'none') return;
    panelOpeners[panel].current?.focus();
    setPanel('none');
  }
  const [marks, setMarks] = useState<DiffMarks | undefined>();
  const [publishing, setPublishing] = useState<{ document: unknown } | undefined>();
  const entity = (draft.document as { entity?: string }).entity;
  const published = useFactCatalogues(api, entity !== undefined && (detail.kind === 'machine' || detail.kind === 'rule') ? [entity] : [])[entity ?? ''];
  // A machine's guards may name the stages being drafted, new ones included.
  const catalogue = useMemo(() => {
    const machine = draft.document as MachineDefinition;
    return detail.kind === 'machine' && published?.entity === machine.entity ? catalogueWithMachineStates(published, machine) : published;
  }, [published, draft.document]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      // Inside a text field Ctrl-Z belongs to the field's own undo.
      if (target.closest('input, textarea, select') !== null) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && event.shiftKey) draft.redo();
      else if (key === 'z') draft.undo();
      else if (key === 'y') draft.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const title = (draft.document as { label?: Record<string, string>; name?: Record<string, string> }).label ?? (draft.document as { name?: Record<string, string> }).name;
  const publishable = draft.problems.length === 0 && draft.saveState !== 'unsaved' && draft.saveState !== 'saving';
  return (
    <main className="studio">
      <div className="studio-bar" role="toolbar" aria-label={t('studio.toolbar')}>
        <h1>
          {title?.[locale] ?? detail.key} <span className="muted">{t(kindTitles[detail.kind])} · v{draft.baseVersion}</span>
        </h1>
        <span className={`save-state ${draft.saveState}`} role="status">
          {t(saveStateKeys[draft.saveState])}
        </span>
        <button type="button" onClick={draft.undo} disabled={!draft.canUndo} title="Ctrl+Z">
          {t('studio.undo')}
        </button>
        <button type="button" onClick={draft.redo} disabled={!draft.canRedo} title="Ctrl+Shift+Z">
          {t('studio.redo')}
        </button>
        <button type="button" ref={panelOpeners.versions} aria-pressed={panel === 'versions'} onClick={() => setPanel(panel === 'versions' ? 'none' : 'versions')}>
          {t('studio.versions')}
        </button>
        {detail.kind === 'machine' && (
          <button type="button" ref={panelOpeners.simulation} aria-pressed={panel === 'simulation'} onClick={() => setPanel(panel === 'simulation' ? 'none' : 'simulation')}>
            {t('studio.simulate')}
          </button>
        )}
        <button type="button" onClick={() => window.confirm(t('studio.discardConfirm')) && draft.discard()}>
          {t('studio.discard')}
        </button>
        <a href={api.exportUrl(detail.kind, detail.key)} download={`${detail.kind}-${detail.key}.json`}>
          {t('studio.export')}
        </a>
        <button type="button" className="primary" disabled={!publishable} title={publishable ? undefined : t('studio.publishBlocked')} onClick={() => setPublishing({ document: draft.document })}>
          {t('studio.publish')}
        </button>
      </div>
      <div className={`studio-body panel-${panel}`}>
        {detail.kind === 'machine' ? (
          <MachineEditor machine={draft.document as MachineDefinition} problems={draft.problems} catalogue={catalogue} roles={roles} marks={marks} edit={draft.edit as (change: MachineEdit) => void} />
        ) : detail.kind === 'rule' && catalogue !== undefined ? (
          <RuleEditor api={api} definitionKey={detail.key} rule={draft.document as Rule} problems={draft.problems} catalogue={catalogue} replace={draft.replace} />
        ) : detail.kind === 'queuePolicy' ? (
          <QueuePolicyEditor api={api} policy={draft.document as QueuePolicy} problems={draft.problems} replace={draft.replace} />
        ) : detail.kind === 'routingPolicy' ? (
          <RoutingPolicyEditor api={api} policy={draft.document as RoutingPolicy} problems={draft.problems} roles={roles} replace={draft.replace} />
        ) : detail.kind === 'leadConversion' ? (
          <LeadConversionEditor api={api} mapping={draft.document as LeadConversion} problems={draft.problems} replace={draft.replace} />
        ) : (
          <JsonEditor document={draft.document} problems={draft.problems} replace={draft.replace} />
        )}
        <div className="side-panel-host" onKeyDown={(event) => event.key === 'Escape' && !event.defaultPrevented && closePanel()}>
          {panel === 'versions' && (
            <VersionsPanel api={api} kind={detail.kind} definitionKey={detail.key} latestVersion={draft.baseVersion} onMarks={setMarks} onRepublish={(_version, document) => setPublishing({ document })} />
          )}
          {panel === 'simulation' && detail.kind === 'machine' && <SimulationPanel api={api} definitionKey={detail.key} machine={draft.document as MachineDefinition} catalogue={catalogue} />}
        </div>
      </div>
      {publishing && (
        <PublishDialog
          api={api}
          kind={detail.kind}
          definitionKey={detail.key}
          document={publishing.document}
          onClose={() => setPublishing(undefined)}
          onPublished={(version) => {
            draft.restart(publishing.document, version);
            setMarks(undefined);
          }}
        />
      )}
    </main>
  );
}
