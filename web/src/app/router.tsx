import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { AppLayout } from '@/components/app-layout';
import { SignInPage } from '@/features/auth/components/sign-in-page';

// Route-level code splitting: each module's screens load when first opened.
const OrganizationsPage = lazy(() => import('@/features/organizations/components/organizations-page'));

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/organizations" replace /> },
      {
        path: 'organizations',
        element: (
          <Suspense fallback={null}>
            <OrganizationsPage />
          </Suspense>
        ),
      },
    ],
  },
]);
