import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import '@/lib/i18n';
import { AppProviders } from '@/app/providers';
import { UiProviders } from '@/app/ui-providers';

interface Options {
  /** Wraps the screen in a router at this address, for screens that link or read the address. */
  route?: string;
  /** Ant Design's providers (locale, theme, notifications); off for what the app draws without them (sign-in). */
  antd?: boolean;
}

/**
 * Renders a screen inside the providers the app gives it (a fresh query cache per test, the language, Ant Design's
 * locale and App context), so a test sees what a user would. A screen that brings its own data router is passed as
 * `<RouterProvider router={…} />` without `route`.
 */
export function renderWithProviders(ui: ReactElement, { route, antd = true }: Options = {}): RenderResult {
  const screen = antd ? <UiProviders>{ui}</UiProviders> : ui;
  return render(
    <AppProviders>
      {route === undefined ? screen : <MemoryRouter initialEntries={[route]}>{screen}</MemoryRouter>}
    </AppProviders>,
  );
}
