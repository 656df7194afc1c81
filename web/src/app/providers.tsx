import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { reportFailure, setErrorNotifier } from '@/lib/notify';
import { ApiError } from '@/lib/problem';

function Notifier() {
  const { notification } = AntApp.useApp();
  useEffect(() => {
    setErrorNotifier((title, detail) => notification.error({ title, description: detail }));
  }, [notification]);
  return null;
}

/** Query cache (no retries on answers the server meant, such as 401/403/404/409) and Ant Design in the chosen language. */
export function AppProviders({ children }: { children: ReactNode }) {
  const { i18n: current } = useTranslation();
  const [client] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError: (error) => reportFailure(error) }),
        mutationCache: new MutationCache({ onError: (error) => reportFailure(error) }),
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
