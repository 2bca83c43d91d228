import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n/i18n-context.tsx';

/** Renders an app into its page's `#root`, under the interface-language choice both apps share. */
export function mountApp(app: ReactNode): void {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>{app}</I18nProvider>
    </StrictMode>,
  );
}
