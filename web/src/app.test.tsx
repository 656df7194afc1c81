import { render, screen } from '@testing-library/react';
import { App } from '@/app';
import { checkReadiness } from '@/health';

describe('App', () => {
  it('shows that the service is ready once the API answers', async () => {
    render(<App check={() => Promise.resolve('ready')} />);
    expect(screen.getByRole('status').textContent).toBe('正在检查服务状态…');
    expect(await screen.findByText('服务正常')).toBeTruthy();
  });

  it('shows that the service is unavailable when the API fails', async () => {
    render(<App check={() => Promise.resolve('unavailable')} />);
    expect(await screen.findByText('服务暂不可用')).toBeTruthy();
  });
});

describe('checkReadiness', () => {
  it('reads a 200 as ready, anything else or a network error as unavailable', async () => {
    expect(await checkReadiness(() => Promise.resolve(new Response('Healthy', { status: 200 })))).toBe('ready');
    expect(await checkReadiness(() => Promise.resolve(new Response('Unhealthy', { status: 503 })))).toBe('unavailable');
    expect(await checkReadiness(() => Promise.reject(new Error('offline')))).toBe('unavailable');
  });
});
