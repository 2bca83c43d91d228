import { useEffect, useId, useState } from 'react';
import type { Candidates, RoutingStrategy } from '../../../definitions/routing-policy.schema.ts';
import type { RoleSummary } from '../api/roles-api.ts';
import type { ProblemEntry } from '../problems/problem-entry.ts';
import { CommitInput, ListInput } from '../forms/CommitInput.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import { FieldProblems, hasProblem } from './FieldProblems.tsx';
import { candidateKinds, weightOfText, withCandidate, withCandidateList, withoutWeight, withWeight, type CandidateKind } from './routing-policy-edits.ts';
import { userNamedBy, type RoutingPeople } from './use-routing-people.ts';

const kindTitles: Record<CandidateKind, MessageKey> = { users: 'routing.users', roles: 'routing.roles', teams: 'routing.teams' };
const otherTitles: Record<CandidateKind, MessageKey> = { users: 'routing.otherUsers', roles: 'routing.otherRoles', teams: 'routing.otherTeams' };

interface Choice {
  /** What the policy holds for it (a user by the id or login it is named by). */
  entry: string;
  label: string;
}

/**
 * Users, roles and teams to tick, by name: the tenant's own, plus any the policy names that are not known here,
 * typed as ids in the list below the boxes (so a typo stays visible, and someone the lists do not show can be named).
 */
export function CandidatesFields({ candidates, pointer, problems, people, roles, onChange }: { candidates: Candidates; pointer: string; problems: readonly ProblemEntry[]; people: RoutingPeople; roles: readonly RoleSummary[] | undefined; onChange(candidates: Candidates): void }) {
  const { locale, t } = useI18n();
  const known: Record<CandidateKind, (named: readonly string[]) => Choice[]> = {
    users: (named) => people.users.map((user) => ({ entry: named.find((entry) => userNamedBy([user], entry) !== undefined) ?? user.id, label: `${user.displayName} (${user.login})` })),
    roles: () => (roles ?? []).map((role) => ({ entry: role.key, label: role.labels[locale] })),
    teams: () => people.teams.map((team) => ({ entry: team, label: team })),
  };
  return (
    <fieldset aria-invalid={hasProblem(problems, pointer, true)}>
      <legend>{t('routing.candidates')}</legend>
      <FieldProblems problems={problems} pointer={pointer} exact />
      {candidateKinds.map((kind) => {
        const named = candidates[kind] ?? [];
        const choices = known[kind](named);
        const others = named.filter((entry) => !choices.some((choice) => choice.entry === entry));
        return (
          <fieldset key={kind} className="role-choices" aria-invalid={hasProblem(problems, `${pointer}/${kind}`)}>
            <legend>{t(kindTitles[kind])}</legend>
            {choices.map((choice) => (
              <label key={choice.entry}>
                <input type="checkbox" checked={named.includes(choice.entry)} onChange={(event) => onChange(withCandidate(candidates, kind, choice.entry, event.target.checked))} />
                {choice.label}
              </label>
            ))}
            <ListInput label={t(otherTitles[kind])} value={others} onCommit={(typed) => onChange(withCandidateList(candidates, kind, [...named.filter((entry) => !others.includes(entry)), ...(typed ?? [])]))} />
            <FieldProblems problems={problems} pointer={`${pointer}/${kind}`} />
          </fieldset>
        );
      })}
    </fieldset>
  );
}

/**
 * A weighted strategy's shares: one number per user it names or weighs (people reached through a role or team are
 * weighed by adding them below). An emptied input stays empty in the draft, whose problems then say so beside it.
 */
export function WeightsFields({ strategy, pointer, problems, people, onChange }: { strategy: Extract<RoutingStrategy, { type: 'weighted' }>; pointer: string; problems: readonly ProblemEntry[]; people: RoutingPeople; onChange(strategy: RoutingStrategy): void }) {
  const { t } = useI18n();
  const listId = useId();
  const weighed = [...new Set([...(strategy.candidates.users ?? []), ...Object.keys(strategy.weights)])];
  const nameOf = (entry: string) => userNamedBy(people.users, entry)?.displayName ?? entry;
  return (
    <fieldset aria-invalid={hasProblem(problems, `${pointer}/weights`, true)}>
      <legend>{t('routing.weights')}</legend>
      <p className="muted">{t('routing.weightsHint')}</p>
      <FieldProblems problems={problems} pointer={`${pointer}/weights`} exact />
      {weighed.map((user) => (
        <div key={user} className="weight-row" data-user={user}>
          <WeightInput
            label={t('routing.weightOf', { name: nameOf(user) })}
            value={strategy.weights[user] as number | null | undefined}
            pointer={`${pointer}/weights/${user.replaceAll('~', '~0').replaceAll('/', '~1')}`}
            problems={problems}
            onCommit={(weight) => onChange(withWeight(strategy, user, weight))}
          />
          {!(strategy.candidates.users ?? []).includes(user) && (
            <button type="button" onClick={() => onChange(withoutWeight(strategy, user))}>
              {t('routing.removeWeight', { name: nameOf(user) })}
            </button>
          )}
        </div>
      ))}
      <datalist id={listId}>
        {people.users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.displayName}
          </option>
        ))}
      </datalist>
      {/* Keyed by the count of weights: once one is added the input starts empty again. */}
      <CommitInput key={weighed.length} label={t('routing.addWeight')} value="" list={listId} onCommit={(user) => user.trim() !== '' && onChange(withWeight(strategy, user.trim(), 1))} />
    </fieldset>
  );
}

function WeightInput({ label, value, pointer, problems, onCommit }: { label: string; value: number | null | undefined; pointer: string; problems: readonly ProblemEntry[]; onCommit(weight: number | null): void }) {
  const id = useId();
  const shown = value === undefined || value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const commit = () => text !== shown && onCommit(weightOfText(text));
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={0}
        max={1000}
        step={1}
        placeholder={value === undefined ? '1' : undefined}
        value={text}
        aria-invalid={hasProblem(problems, pointer)}
        aria-describedby={`${id}-problems`}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => event.key === 'Enter' && commit()}
      />
      <FieldProblems problems={problems} pointer={pointer} id={`${id}-problems`} />
    </>
  );
}
