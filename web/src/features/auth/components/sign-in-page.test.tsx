import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, vi } from 'vitest';
import { SignInPage } from '@/features/auth/components/sign-in-page';
import { renderWithProviders } from '@/test/render';

function renderSignIn() {
  const router = createMemoryRouter(
    [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/organizations', element: <p>organizations</p> },
    ],
    { initialEntries: ['/sign-in'] },
  );
  renderWithProviders(<RouterProvider router={router} />, { antd: false });
  return router;
}

function problem(status: number, body: object) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });
}

async function submit(username: string, password: string) {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
}

describe('SignInPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the server message for a field on that field', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          problem(400, { status: 400, title: '请求参数有误', errors: { username: ["'username' 长度不能超过 50。"] } }),
        ),
      ),
    );
    renderSignIn();
    await submit('x'.repeat(60), 'secret-password');
    expect(await screen.findByText("'username' 长度不能超过 50。")).toBeTruthy();
  });

  it('shows a refused sign-in as an alert with the server detail', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          problem(401, { status: 401, title: '登录失败', detail: '用户名或密码不正确。', code: 'invalid_credentials' }),
        ),
      ),
    );
    renderSignIn();
    await submit('admin', 'wrong-password');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('用户名或密码不正确。');
  });

  it("asks for both fields before sending, and a field's message goes once the field changes", async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    renderSignIn();
    fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(screen.getByText('请输入密码')).toBeTruthy();
    expect(screen.getByLabelText('用户名').getAttribute('aria-invalid')).toBe('true');
    expect(fetch).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'admin' } });
    expect(screen.queryByText('请输入用户名')).toBeNull();
    expect(screen.getByText('请输入密码')).toBeTruthy();
  });

  it('goes on to the organizations once signed in', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(new Response(null, { status: 204 }))),
    );
    const router = renderSignIn();
    await submit('admin', 'right-password-1');
    await waitFor(() => expect(router.state.location.pathname).toBe('/organizations'));
  });
});
