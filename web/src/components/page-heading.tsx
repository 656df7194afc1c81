import { usePageTitle } from '@/lib/page-title';

/**
 * A screen's one <h1>, which also names the browser tab. Focus moves to it after each navigation (app-layout), so
 * it takes focus from script but is no Tab stop.
 */
export function PageHeading({ children }: { children: string }) {
  usePageTitle(children);
  return (
    <h1 className="page-heading" tabIndex={-1}>
      {children}
    </h1>
  );
}
