import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { reportFailure } from '@/lib/notify';
import { ApiError } from '@/lib/problem';

/**
 * The query cache (no retries on answers the server meant, such as 401/403/404/409). Ant Design's providers live
 * with the signed-in frame (ui-providers.tsx), so the sign-in page, which draws none of it, loads none of it.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        // A failed load is shown where its data would be (QueryView, LoadFailure), with a retry; a notification on top
        // would say it twice. Failed changes have no such place of their own, so they are announced.
        queryCache: new QueryCache(),
        mutationCache: new MutationCache({ onError: (error) => reportFailure(error) }),
        defaultOptions: {
          queries: {
            retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
            refetchOnWindowFocus: false,
          },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
