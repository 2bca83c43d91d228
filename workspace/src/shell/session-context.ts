import { createContext, useContext } from 'react';
import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import type { Me } from '../api/me.ts';
import type { Person } from '../api/people.ts';
import type { StageSummary } from '../api/work-queue.ts';
import type { Formatters } from '../../../ui-kit/i18n/format.ts';

/** What every page of the signed-in workspace may use: who is signed in, the API, and formatting in their zone. */
export interface Session {
  me: Me;
  api: ApiClient;
  format: Formatters;
  /** The customer machine's stages, in its order, as the work queue reports them (labels from the definition). */
  stages: readonly StageSummary[];
  /** A stage key in words: the definition's label in the interface language. */
  stageName(key: string): string;
  /** Everyone's name and team (GET /api/people), read once per session; empty until it has loaded. */
  people: readonly Person[];
  /** Who a record names, in words: by name, "you", or the system for null (people/person-name.ts). */
  personName(id: number | null): string;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession needs the signed-in <Shell> above it');
  return session;
}
