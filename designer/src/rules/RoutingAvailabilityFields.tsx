import { useId } from 'react';
import type { RoutingFallback, RoutingRule } from '../../../definitions/routing-policy.schema.ts';
import type { ProblemEntry } from '../problems/problem-entry.ts';
import { CommitInput } from '../forms/CommitInput.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { MessageKey } from '../i18n/translate.ts';
import { FieldProblems, hasProblem } from './FieldProblems.tsx';
import { MeasureSelect } from './MeasureSelect.tsx';
import { fallbackOfChoice, officeHours, withAvailability, withDay, type FallbackChoice } from './routing-policy-edits.ts';
import type { RoutingPeople } from './use-routing-people.ts';

const isoWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;
const defaultTimeZone = 'Asia/Shanghai';
const defaultCapacity = 100;

/** Who counts as available for a rule: within working hours, not on leave, under a capacity. */
export function AvailabilityFields({ rule, pointer, problems, update }: { rule: RoutingRule; pointer: string; problems: readonly ProblemEntry[]; update(patch: Partial<RoutingRule>): void }) {
  const { t } = useI18n();
  const hours = rule.onlyAvailable?.workingHours;
  const capacity = rule.onlyAvailable?.capacity;
  const set = (patch: Parameters<typeof withAvailability>[1]) => update(withAvailability(rule, patch));
  const hoursPointer = `${pointer}/workingHours`;
  const capacityPointer = `${pointer}/capacity`;
  return (
    <fieldset aria-invalid={hasProblem(problems, pointer, true)}>
      <legend>{t('routing.onlyAvailable')}</legend>
      <FieldProblems problems={problems} pointer={pointer} exact />
      <label>
        <input type="checkbox" checked={hours !== undefined} onChange={(event) => set({ workingHours: event.target.checked ? officeHours(defaultTimeZone) : undefined })} />
        {t('routing.workingHours')}
      </label>
      {hours !== undefined && (
        <fieldset aria-invalid={hasProblem(problems, hoursPointer, true)}>
          <legend>{t('routing.workingHours')}</legend>
          <CommitInput label={t('routing.timeZone')} value={hours.timeZone} invalid={hasProblem(problems, `${hoursPointer}/timeZone`) ?? false} onCommit={(timeZone) => set({ workingHours: { ...hours, timeZone } })} />
          <FieldProblems problems={problems} pointer={`${hoursPointer}/timeZone`} />
          <fieldset className="role-choices" aria-invalid={hasProblem(problems, `${hoursPointer}/days`)}>
            <legend>{t('routing.days')}</legend>
            {isoWeekdays.map((day) => (
              <label key={day}>
                <input type="checkbox" checked={hours.days.includes(day)} onChange={(event) => set({ workingHours: { ...hours, days: withDay(hours.days, day, event.target.checked) } })} />
                {t(`weekday.${day}` as MessageKey)}
              </label>
            ))}
            <FieldProblems problems={problems} pointer={`${hoursPointer}/days`} />
          </fieldset>
          <TimeInput label={t('routing.from')} value={hours.from} pointer={`${hoursPointer}/from`} problems={problems} onChange={(from) => set({ workingHours: { ...hours, from } })} />
          <TimeInput label={t('routing.to')} value={hours.to} pointer={`${hoursPointer}/to`} problems={problems} onChange={(to) => set({ workingHours: { ...hours, to } })} />
        </fieldset>
      )}
      <label>
        <input type="checkbox" checked={rule.onlyAvailable?.skipOnLeave === true} onChange={(event) => set({ skipOnLeave: event.target.checked ? true : undefined })} />
        {t('routing.skipOnLeave')}
      </label>
      <label>
        <input type="checkbox" checked={capacity !== undefined} onChange={(event) => set({ capacity: event.target.checked ? { measure: 'openLeads', max: defaultCapacity } : undefined })} />
        {t('routing.capacity')}
      </label>
      {capacity !== undefined && (
        <fieldset aria-invalid={hasProblem(problems, capacityPointer, true)}>
          <legend>{t('routing.capacity')}</legend>
          <MeasureSelect value={capacity.measure} pointer={`${capacityPointer}/measure`} problems={problems} onChange={(measure) => set({ capacity: { ...capacity, measure } })} />
          <CommitInput
            label={t('routing.capacityMax')}
            value={String(capacity.max)}
            invalid={hasProblem(problems, `${capacityPointer}/max`) ?? false}
            onCommit={(text) => set({ capacity: { ...capacity, max: (text.trim() === '' ? null : Number(text)) as number } })}
          />
          <FieldProblems problems={problems} pointer={`${capacityPointer}/max`} />
        </fieldset>
      )}
    </fieldset>
  );
}

function TimeInput({ label, value, pointer, problems, onChange }: { label: string; value: string; pointer: string; problems: readonly ProblemEntry[]; onChange(value: string): void }) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="time" value={value} aria-invalid={hasProblem(problems, pointer)} onChange={(event) => onChange(event.target.value)} />
      <FieldProblems problems={problems} pointer={pointer} />
    </>
  );
}

const fallbackTitles: Record<FallbackChoice, MessageKey> = {
  nextRule: 'fallback.nextRule',
  rule: 'fallback.rule',
  pool: 'fallback.pool',
  user: 'fallback.user',
};

/**
 * Where a record goes when nobody is found: a rule's own (optional: the next rule when left out) or the policy's
 * (the pool or a user; the server refuses a rule there, and says so beside this choice).
 */
export function FallbackFields({ label, fallback, optional = false, pointer, ruleIds, problems, people, onChange }: { label: string; fallback: RoutingFallback | undefined; optional?: boolean; pointer: string; ruleIds: readonly string[]; problems: readonly ProblemEntry[]; people: RoutingPeople; onChange(fallback: RoutingFallback | undefined): void }) {
  const { t } = useI18n();
  const usersId = useId();
  const choices: readonly FallbackChoice[] = optional ? ['nextRule', 'rule', 'pool', 'user'] : ['pool', 'user'];
  return (
    <fieldset aria-invalid={hasProblem(problems, pointer, true)}>
      <legend>{label}</legend>
      <label>
        {t('routing.fallbackTo')}
        <select value={fallback?.to ?? ''} aria-invalid={hasProblem(problems, `${pointer}/to`)} onChange={(event) => onChange(event.target.value === '' ? undefined : fallbackOfChoice(event.target.value as FallbackChoice, fallback))}>
          {optional && <option value="">{t('fallback.default')}</option>}
          {fallback !== undefined && !choices.includes(fallback.to) && <option value={fallback.to}>{t(fallbackTitles[fallback.to])}</option>}
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {t(fallbackTitles[choice])}
            </option>
          ))}
        </select>
      </label>
      <FieldProblems problems={problems} pointer={pointer} exact />
      <FieldProblems problems={problems} pointer={`${pointer}/to`} />
      {fallback?.to === 'rule' && (
        <>
          <label>
            {t('routing.fallbackRule')}
            <select value={fallback.rule} aria-invalid={hasProblem(problems, `${pointer}/rule`)} onChange={(event) => onChange({ to: 'rule', rule: event.target.value })}>
              {!ruleIds.includes(fallback.rule) && <option value={fallback.rule}>{fallback.rule || '—'}</option>}
              {ruleIds.map((id) => (
                <option key={id} value={id}>
                  {id}
                </option>
              ))}
            </select>
          </label>
          <FieldProblems problems={problems} pointer={`${pointer}/rule`} />
        </>
      )}
      {fallback?.to === 'user' && (
        <>
          <datalist id={usersId}>
            {people.users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.displayName}
              </option>
            ))}
          </datalist>
          <CommitInput label={t('routing.fallbackUser')} value={fallback.userId} list={usersId} invalid={hasProblem(problems, `${pointer}/userId`) ?? false} onCommit={(userId) => onChange({ to: 'user', userId: userId.trim() })} />
          <FieldProblems problems={problems} pointer={`${pointer}/userId`} />
        </>
      )}
    </fieldset>
  );
}
