import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/problem';

/** What a view needs of a TanStack query to tell loading, failed and empty apart. */
export interface QueryLike {
  isError: boolean;
  error: unknown;
  data?: unknown;
  isFetching?: boolean;
  refetch: () => unknown;
}

/** A failed load in the user's words, with the server's request id for the help desk and a retry. */
export function QueryFailure({
  error,
  onRetry,
  retrying,
}: {
  error: unknown;
  onRetry: () => unknown;
  retrying?: boolean;
}) {
  const { t } = useTranslation();
  let title = t('errors.loadFailed');
  let detail: string | undefined;
  if (!(error instanceof ApiError)) {
    title = t('errors.network');
  } else if (error.status === 403) {
    title = t('errors.forbiddenDetail');
  } else if (error.status === 429) {
    title = t('errors.tooMany');
  } else if (error.status === 503) {
    title = t('errors.unavailable');
  } else if (error.status >= 500) {
    title = t('errors.server');
  } else {
    detail = error.message;
  }
  const requestId =
    error instanceof ApiError && typeof error.problem.requestId === 'string' ? error.problem.requestId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={
        [detail, requestId && t('errors.requestId', { id: requestId })].filter(Boolean).join(' ') || undefined
      }
      action={
        <Button size="small" onClick={() => void onRetry()} loading={retrying}>
          {t('errors.retry')}
        </Button>
      }
      style={{ marginBottom: 12 }}
    />
  );
}

/**
 * A list, table or chart that loads from the server: when the load fails it says so with a retry instead of drawing
 * an empty table ("暂无数据" is only for a list that is really empty). Data already shown stays under the message
 * when a later reload fails.
 */
export function QueryView({ query, children }: { query: QueryLike; children: ReactNode }) {
  if (!query.isError) {
    return children;
  }
  const failure = <QueryFailure error={query.error} onRetry={query.refetch} retrying={query.isFetching} />;
  return query.data === undefined ? (
    failure
  ) : (
    <>
      {failure}
      {children}
    </>
  );
}
