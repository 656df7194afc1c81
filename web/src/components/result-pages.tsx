import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useRouteError } from 'react-router';
import { ApiError } from '@/lib/problem';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('errors.forbiddenDetail')}
      extra={
        <Link to="/">
          <Button type="primary">{t('errors.home')}</Button>
        </Link>
      }
    />
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('errors.notFoundDetail')}
      extra={
        <Link to="/">
          <Button type="primary">{t('errors.home')}</Button>
        </Link>
      }
    />
  );
}

/** The page for a failed load of a screen's main resource: 403 and 404 get their own pages. */
export function LoadFailure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 403) {
    return <ForbiddenPage />;
  }
  if (error instanceof ApiError && error.status === 404) {
    return <NotFoundPage />;
  }
  return (
    <Result status="error" title={t('errors.generic')} subTitle={error instanceof Error ? error.message : undefined} />
  );
}

/** A screen that failed while drawing: a message instead of a blank page (the rest of the app keeps working). */
export function RouteError() {
  return <LoadFailure error={useRouteError()} />;
}
