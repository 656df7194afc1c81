import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, vi } from 'vitest';
import { MicroWishesPage } from '@/features/volunteering/components/micro-wishes-page';
import { PublicWishWallPage } from '@/features/volunteering/components/public-wish-wall-page';
import { json, mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const me = {
  id: 'u1',
  username: 'coordinator',
  displayName: '志愿服务管理员',
  kind: 'User',
  roles: [],
  permissions: ['organizations.read', 'volunteering.read', 'volunteering.write', 'volunteering.reveal-pii'],
};

const wish = (over: object) => ({
  id: 'w1',
  organizationId: 'c1',
  organizationName: '幸福社区党委',
  kind: 'ChildLeftBehind',
  description: '一套初中数学辅导书',
  estimatedValue: 80,
  personName: '王**',
  personPhone: '138****5678',
  beneficiaryMemberId: null,
  state: 'Open',
  allowedSteps: ['Claim', 'Cancel'],
  placedOn: '2026-06-01',
  claimantKind: null,
  claimantId: null,
  claimantName: null,
  claimedOn: null,
  deliveredOn: null,
  deliveryNote: null,
  receivedOn: null,
  receiptNote: null,
  cancelledOn: null,
  cancelReason: null,
  version: 1,
  ...over,
});

const counts = {
  year: 2026,
  items: [],
  total: {
    organizationId: '00000000-0000-0000-0000-000000000000',
    organizationName: '',
    placed: 12,
    open: 3,
    claimed: 8,
    delivered: 6,
    received: 5,
    cancelled: 1,
  },
};

describe('MicroWishesPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows wishes masked with the steps their state allows, filters by state and delivers with If-Match', async () => {
    const requests = mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/volunteering/wishes/counts': () => counts,
      'GET /api/v1/volunteering/wishes': (_, url) =>
        url.searchParams.get('state') === 'Claimed'
          ? {
              items: [wish({ id: 'w2', state: 'Claimed', allowedSteps: ['Deliver', 'Cancel'], version: 2 })],
              total: 1,
              page: 1,
              pageSize: 20,
            }
          : { items: [wish({})], total: 1, page: 1, pageSize: 20 },
      'POST /api/v1/volunteering/wishes/w2/delivery': () => wish({ id: 'w2', state: 'Delivered', version: 3 }),
    });
    renderWithProviders(<MicroWishesPage />, { route: '/volunteering/wishes' });
    const card = (await screen.findByText('一套初中数学辅导书', {}, { timeout: 10_000 })).closest(
      '.ant-card',
    )! as HTMLElement;
    expect(within(card).getByText(/王\*\* · 138\*\*\*\*5678/)).toBeTruthy();
    expect(within(card).getByText('待认领')).toBeTruthy();
    expect(within(card).getByRole('button', { name: /认\s*领/ })).toBeTruthy();
    expect(within(card).queryByRole('button', { name: /送\s*达/ })).toBeNull();
    expect(screen.getByText('12')).toBeTruthy();

    fireEvent.click(screen.getAllByText('已认领')[0]);
    await waitFor(() => expect(screen.getByText('已认领', { selector: '.ant-tag' })).toBeTruthy(), { timeout: 10_000 });
    const claimed = screen.getByText('一套初中数学辅导书').closest('.ant-card')! as HTMLElement;
    await waitFor(() => expect(within(claimed).getByRole('button', { name: /送\s*达/ })).toBeTruthy(), {
      timeout: 5000,
    });
    fireEvent.click(within(claimed).getByRole('button', { name: /送\s*达/ }));
    await screen.findByText(/登记送达/, {}, { timeout: 10_000 });
    fireEvent.change(screen.getByLabelText('送达说明'), { target: { value: '送到家中' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST')).toBe(true), { timeout: 10_000 });
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.headers.get('If-Match')).toBe('"2"');
    expect(await post.json()).toMatchObject({ note: '送到家中' });
  }, 60_000);

  it('puts a claim refused because someone else claimed first above the form', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => me,
      'GET /api/v1/volunteering/wishes/counts': () => counts,
      'GET /api/v1/volunteering/wishes': () => ({ items: [wish({})], total: 1, page: 1, pageSize: 20 }),
      'POST /api/v1/volunteering/wishes/w1/claim': () =>
        json({ status: 409, title: '业务规则', detail: '该心愿已被认领。', code: 'wish_already_claimed' }, 409),
    });
    renderWithProviders(<MicroWishesPage />, { route: '/volunteering/wishes' });
    fireEvent.click(await screen.findByRole('button', { name: /认\s*领/ }, { timeout: 10_000 }));
    await screen.findByText(/认领心愿/, {}, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('该心愿已被认领。', {}, { timeout: 10_000 })).toBeTruthy();
  }, 60_000);
});

describe('PublicWishWallPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the region’s wishes with their community and state', { timeout: 30_000 }, async () => {
    mockApi({
      'GET /api/v1/public/wishes/r1': () => ({
        regionId: 'r1',
        regionName: '敦化市委',
        items: [
          {
            id: 'w1',
            communityName: '幸福社区党委',
            kind: 'Elderly',
            description: '一台收音机',
            state: 'Delivered',
            placedOn: '2026-05-01',
            deliveredOn: '2026-05-20',
          },
        ],
        total: 1,
        page: 1,
        pageSize: 24,
      }),
    });
    renderWithProviders(
      <Routes>
        <Route path="/public/wishes/:regionId" element={<PublicWishWallPage />} />
      </Routes>,
      { route: '/public/wishes/r1', antd: false },
    );
    expect(await screen.findByRole('heading', { name: '敦化市委 微心愿墙' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('一台收音机')).toBeTruthy();
    expect(screen.getByText('幸福社区党委')).toBeTruthy();
    expect(screen.getByText('已送达')).toBeTruthy();
    expect(screen.getByText(/2026-05-20 送达/)).toBeTruthy();
  });

  it('says a closed or unknown wall is not open', { timeout: 30_000 }, async () => {
    mockApi({ 'GET /api/v1/public/wishes/r2': () => json({ status: 404, title: '未找到' }, 404) });
    renderWithProviders(
      <Routes>
        <Route path="/public/wishes/:regionId" element={<PublicWishWallPage />} />
      </Routes>,
      { route: '/public/wishes/r2', antd: false },
    );
    expect(await screen.findByRole('alert', {}, { timeout: 10_000 })).toHaveProperty(
      'textContent',
      '该地区的心愿墙未开放或不存在。',
    );
  });
});
