import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import '@/lib/i18n';
import '@/app/print.css';
import { AppProviders } from '@/app/providers';
import { router } from '@/app/router';
import { onUnauthorized } from '@/lib/api-client';

// A session that ends (expired, disabled, password changed) sends the user to sign in and back.
onUnauthorized(() => {
  if (window.location.pathname !== '/sign-in') {
    void router.navigate('/sign-in', { state: { from: window.location.pathname } });
  }
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
