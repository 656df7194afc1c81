import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import type { Condolence } from '@/features/assistance/api/care';
import { PayCondolenceDialog } from '@/features/assistance/components/care/pay-condolence-dialog';
import { mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const condolence: Condolence = {
  id: 'c1',
  memberId: 'm1',
  name: '王秀兰',
  organizationId: 'o1',
  diedOn: '2026-06-01',
  amount: 500,
  status: 'Proposed',
  fundId: null,
  ledgerEntryId: null,
  paidOn: null,
  reference: null,
  version: 1,
} as Condolence;
const fund = { id: 'f1', organizationId: 'o1', name: '彩虹社区帮扶资金', balance: 9500, held: 0, version: 1 };

describe('PayCondolenceDialog', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('picks the fund by name and pays from it', async () => {
    const requests = mockApi({
      'GET /api/v1/assistance/funds': () => ({ items: [fund], total: 1, page: 1, pageSize: 200 }),
      'POST /api/v1/assistance/condolences/c1/pay': () => ({ ...condolence, status: 'Paid', version: 2 }),
    });
    const onDone = vi.fn(async () => undefined);
    renderWithProviders(<PayCondolenceDialog condolence={condolence} onDone={onDone} onClose={() => undefined} />);
    fireEvent.mouseDown(await screen.findByLabelText('支出资金'));
    fireEvent.click((await screen.findAllByText('彩虹社区帮扶资金')).at(-1)!);
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    const pay = requests.find((r) => r.method === 'POST')!;
    expect(((await pay.json()) as { fundId: string }).fundId).toBe('f1');
  }, 60_000);
});
