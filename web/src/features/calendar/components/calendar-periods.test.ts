import { describe, expect, it } from 'vitest';
import { toDays, toPeriods } from './calendar-periods';

describe('holiday periods', () => {
  it('groups consecutive days of one name and keeps a name change or a gap apart', () => {
    expect(
      toPeriods([
        { on: '2026-02-16', name: '春节' },
        { on: '2026-02-15', name: '春节' },
        { on: '2026-02-17', name: '春节' },
        { on: '2026-10-01', name: '国庆节' },
        { on: '2026-10-02', name: '国庆节' },
        { on: '2026-10-04', name: '国庆节' },
        { on: '2026-10-05', name: '中秋节' },
      ]),
    ).toEqual([
      { name: '春节', from: '2026-02-15', to: '2026-02-17' },
      { name: '国庆节', from: '2026-10-01', to: '2026-10-02' },
      { name: '国庆节', from: '2026-10-04', to: '2026-10-04' },
      { name: '中秋节', from: '2026-10-05', to: '2026-10-05' },
    ]);
  });

  it('expands each period to its dates across a month end, and a period without an end to its first day', () => {
    expect(toDays([{ name: '春节', from: '2025-01-28', to: '2025-02-04' }]).map((d) => d.on)).toEqual([
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
    ]);
    expect(toDays([{ name: '元旦', from: '2027-01-01' }])).toEqual([{ on: '2027-01-01', name: '元旦' }]);
    expect(toDays([{ name: '元旦' }])).toEqual([{ on: null, name: '元旦' }]);
  });
});
