import { useId, useState, type FormEvent } from 'react';
import type { ApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { isApiFailure } from '../../../ui-kit/api/api-failure.ts';
import { failureMessage } from '../../../ui-kit/api/failure-message.ts';
import type { ListEntity } from '../api/list-fields.ts';
import { createSavedView, deleteSavedView, fetchRoles, fetchSavedViews, renameSavedView, type SavedView, type SavedViewContent } from '../api/saved-views.ts';
import { useLoaded } from '../../../ui-kit/hooks/use-loaded.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useSession } from '../shell/session-context.ts';
import { mayShareViews, viewChoices } from './saved-view-choices.ts';

type Editing = { mode: 'save' } | { mode: 'rename'; view: SavedView };

/**
 * Saved views of one list: pick one (yours first, then those shared with your role), save what the list shows now
 * as a new view — shared with roles when you manage a team — and rename or delete your own.
 */
export function SavedViewsBar({ entity, current, onPick }: { entity: ListEntity; current: Omit<SavedViewContent, 'name' | 'sharedWithRoles'>; onPick(view: SavedView): void }) {
  const { api, me } = useSession();
  const { locale, t } = useI18n();
  const id = useId();
  const views = useLoaded(() => fetchSavedViews(api, entity), [api, entity]);
  const sharing = mayShareViews(me.role.permissions);
  const roles = useLoaded(() => (sharing ? fetchRoles(api) : Promise.resolve([])), [api, sharing]);
  const [pickedId, setPickedId] = useState('');
  const [editing, setEditing] = useState<Editing>();
  const [name, setName] = useState('');
  const [shareWith, setShareWith] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure>();
  const picked = views.value?.find((view) => String(view.id) === pickedId);
  const { mine, shared } = viewChoices(views.value ?? []);

  async function run(work: () => Promise<SavedView | void>) {
    setBusy(true);
    setFailure(undefined);
    try {
      const saved = await work();
      setEditing(undefined);
      setPickedId(saved === undefined ? '' : String(saved.id));
      views.reload();
    } catch (error) {
      if (!isApiFailure(error)) throw error;
      setFailure(error.failure);
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (editing === undefined || busy) return;
    // One name serves both languages: the person names the view in theirs.
    const both = { en: name.trim(), 'zh-CN': name.trim() };
    if (editing.mode === 'rename') void run(() => renameSavedView(api, editing.view, both));
    else void run(() => createSavedView(api, entity, { ...current, name: both, sharedWithRoles: shareWith }));
  }

  function open(next: Editing) {
    setEditing(next);
    setFailure(undefined);
    setName(next.mode === 'rename' ? next.view.name[locale] : '');
    setShareWith([]);
  }

  const optionOf = (view: SavedView) => (
    <option key={view.id} value={view.id}>
      {view.name[locale]}
    </option>
  );

  return (
    <div className="saved-views">
      <label htmlFor={`${id}-view`}>{t('views.label')}</label>
      <select
        id={`${id}-view`}
        value={pickedId}
        onChange={(event) => {
          setPickedId(event.target.value);
          const view = views.value?.find((candidate) => String(candidate.id) === event.target.value);
          if (view !== undefined) onPick(view);
        }}
      >
        <option value="">{t('views.none')}</option>
        {mine.length > 0 && <optgroup label={t('views.mine')}>{mine.map(optionOf)}</optgroup>}
        {shared.length > 0 && <optgroup label={t('views.shared')}>{shared.map(optionOf)}</optgroup>}
      </select>
      <button type="button" onClick={() => open({ mode: 'save' })} aria-expanded={editing?.mode === 'save'}>
        {t('views.save')}
      </button>
      {picked?.mine === true && (
        <>
          <button type="button" onClick={() => open({ mode: 'rename', view: picked })} aria-expanded={editing?.mode === 'rename'}>
            {t('views.rename')}
          </button>
          <button type="button" disabled={busy} onClick={() => window.confirm(t('views.deleteConfirm', { name: picked.name[locale] })) && void run(() => deleteSavedView(api, picked.id))}>
            {t('views.delete')}
          </button>
        </>
      )}
      {editing !== undefined && (
        <form className="saved-view-form" onSubmit={submit}>
          <label htmlFor={`${id}-name`}>{t('views.name')}</label>
          <input id={`${id}-name`} value={name} maxLength={100} required autoFocus onChange={(event) => setName(event.target.value)} />
          {editing.mode === 'save' && sharing && (roles.value ?? []).length > 0 && (
            <fieldset className="saved-view-roles">
              <legend>{t('views.shareWith')}</legend>
              {(roles.value ?? []).map((role) => (
                <label key={role.key}>
                  <input
                    type="checkbox"
                    checked={shareWith.includes(role.key)}
                    onChange={(event) => setShareWith(event.target.checked ? [...shareWith, role.key] : shareWith.filter((key) => key !== role.key))}
                  />
                  {role.labels[locale]}
                </label>
              ))}
            </fieldset>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {editing.mode === 'rename' ? t('views.renameSubmit') : t('views.saveSubmit')}
          </button>
          <button type="button" onClick={() => setEditing(undefined)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
      {failure !== undefined && (
        <p className="form-error" role="alert">
          {failureMessage(failure, t)}
        </p>
      )}
    </div>
  );
}
