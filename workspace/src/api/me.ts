import type { Locale } from '../../../ui-kit/i18n/locale.ts';
import type { ApiClient } from '../../../ui-kit/api/api-client.ts';

export type LocalizedText = Record<Locale, string>;

/** GET /api/me and the body of a successful sign-in (api/auth/me-document.ts): who is signed in. */
export interface Me {
  id: number;
  login: string;
  displayName: string;
  email: string | null;
  /** IANA zone; the person's day boundaries and how their dates are shown. */
  timeZone: string;
  locale: Locale;
  team: { id: number; name: string } | null;
  role: {
    key: string;
    labels: LocalizedText;
    visibility: 'all' | 'team' | 'own';
    claimQuotaPerDay: number;
    permissions: Record<'mayEditShared' | 'mayExport' | 'mayManageDefinitions' | 'mayReassign' | 'mayManageUsers' | 'mayImport', boolean>;
  };
}

export interface Credentials {
  login: string;
  password: string;
}

export const fetchMe = (api: ApiClient): Promise<Me> => api.get<Me>('/api/me');

export const logIn = (api: ApiClient, credentials: Credentials): Promise<Me> => api.post<Me>('/api/auth/login', credentials);

export const logOut = (api: ApiClient): Promise<void> => api.post<void>('/api/auth/logout');
