import { afterEach, vi } from 'vitest';
import { api, onUnauthorized } from '@/lib/api-client';
import { ApiError } from '@/lib/problem';
import { json, mockApi } from '@/test/mock-api';

describe('the API client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('turns a 400 into an ApiError whose field errors are keyed by JSON field', async () => {
    mockApi({
      'POST /api/v1/coalitions': () =>
        json(
          {
            status: 400,
            title: '请求参数有误',
            errors: { memberOrganizationIds: ['联合体须有 2 到 500 个成员组织。'] },
          },
          400,
        ),
    });
    const error = await api
      .POST('/api/v1/coalitions', { body: { name: 'x', memberOrganizationIds: [] } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).fieldErrors).toEqual({ memberOrganizationIds: ['联合体须有 2 到 500 个成员组织。'] });
  });

  it('carries a 409 problem’s stable code', async () => {
    mockApi({
      'POST /api/v1/organizations/a/move': () =>
        json({ status: 409, code: 'move_creates_cycle', detail: '不能移动到自己的下级组织之下。' }, 409),
    });
    const error = (await api
      .POST('/api/v1/organizations/{id}/move', {
        params: { path: { id: 'a' }, header: { 'If-Match': '"1"' } },
        body: { newParentId: 'b' },
      })
      .catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('move_creates_cycle');
    expect(error.message).toBe('不能移动到自己的下级组织之下。');
  });

  it('tells the app about a 401 so it can send the user to sign in', async () => {
    mockApi({ 'GET /api/v1/auth/me': () => json({ status: 401, title: 'Unauthorized' }, 401) });
    const listener = vi.fn();
    const stop = onUnauthorized(listener);
    await api.GET('/api/v1/auth/me').catch(() => undefined);
    stop();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('asks for answers in the chosen language', async () => {
    const requests = mockApi({ 'GET /api/v1/auth/me': () => ({ id: '1' }) });
    await api.GET('/api/v1/auth/me');
    expect(requests[0].headers.get('Accept-Language')).toBe('zh-CN');
  });
});
