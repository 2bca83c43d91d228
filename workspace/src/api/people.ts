import type { ApiClient } from '../../../ui-kit/api/api-client.ts';

/** GET /api/people (api/users/people-directory.ts): everyone's name and team, for anyone signed in. */
export interface Person {
  id: number;
  displayName: string;
  teamId: number | null;
  /** false for someone who has left; old records still name them. */
  active: boolean;
}

export const fetchPeople = (api: ApiClient) => api.get<Person[]>('/api/people');
