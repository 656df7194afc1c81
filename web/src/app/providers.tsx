import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '@/lib/i18n';
import { ApiError } from '@/lib/problem';

type Notify = (title: string, detail?: string) => void;
let notifyError: Notify = () => {};

/**
 * Failures a screen cannot place on a field or a page of its own (server errors, rate limits, a lost
 * connection) become a notification carrying the server's message and request id.
 */
function reportFailure(error: unknown) {
  if (error instanceof ApiError) {
    if (error.status >= 500 || error.status === 429) {
      const requestId = typeof error.problem.requestId === 'string' ? ` (${error.problem.requestId})` : '';
      notifyError(error.problem.title ?? i18n.t('errors.generic'), `${error.problem.detail ?? ''}${requestId}`);
    }
    return;
  }
  notifyError(i18n.t('errors.network'), error instanceof Error ? error.message : undefined);
}

function Notifier() {
  const { notification } = AntApp.useApp();
  useEffect(() => {
    notifyError = (title, detail) => notification.error({ title, description: detail });
  }, [notification]);
  return null;
}

/** Query cache (no retries on answers the server meant, such as 401/403/404/409) and Ant Design in the chosen language. */
export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n: current } = useTranslation();
  const [client] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError: reportFailure }),
        mutationCache: new MutationCache({ onError: reportFailure }),
        defaultOptions: {
          queries: { retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2, refetchOnWindowFocus: false },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <ConfigProvider locale={current.language === 'en-US' ? enUS : zhCN} theme={{ token: { colorPrimary: '#c00000' } }}>
        <AntApp>
          <Notifier />
          {children}
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
