import { screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { LoadFailure } from '@/components/result-pages';
import { ApiError } from '@/lib/problem';
import { renderWithProviders } from '@/test/render';

function renderFailure(error: unknown) {
  renderWithProviders(
    <RouterProvider router={createMemoryRouter([{ path: '/', element: <LoadFailure error={error} /> }])} />,
  );
}

describe('LoadFailure', () => {
  it('shows the 403 page for a 403', () => {
    renderFailure(new ApiError(403, { status: 403 }));
    expect(screen.getByText('您没有查看此页面的权限。')).toBeTruthy();
  });

  it('shows the 404 page for a 404 (also what the API answers outside the caller’s scope)', () => {
    renderFailure(new ApiError(404, { status: 404 }));
    expect(screen.getByText('页面或数据不存在，或不在您的管理范围内。')).toBeTruthy();
  });

  it('shows the message of anything else', () => {
    renderFailure(new ApiError(500, { status: 500, detail: '服务器内部错误' }));
    expect(screen.getByText('服务器内部错误')).toBeTruthy();
  });
});
