import { useEffect } from 'react';
import i18n from '@/lib/i18n';

/** Sets the browser tab's title to "<page> · 基层党建" (each screen its own, so tabs and history can be told apart). */
export function usePageTitle(page: string | undefined): void {
  useEffect(() => {
    const app = i18n.t('appTitle');
    document.title = page ? `${page} · ${app}` : app;
  }, [page]);
}
