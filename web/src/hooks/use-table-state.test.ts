import { act, renderHook } from '@testing-library/react';
import '@/lib/i18n';
import { useTableState } from '@/hooks/use-table-state';

describe('useTableState', () => {
  it('turns table clicks into the API’s page, pageSize and sort, back to page 1 when the sort changes', () => {
    const { result } = renderHook(() => useTableState('name'));
    expect(result.current.query).toEqual({ page: 1, pageSize: 20, sort: 'name' });

    act(() => result.current.onChange({ current: 3, pageSize: 50 }, {}, { columnKey: 'name', order: 'ascend' }));
    expect(result.current.query).toEqual({ page: 3, pageSize: 50, sort: 'name' });

    act(() => result.current.onChange({ current: 3, pageSize: 50 }, {}, { columnKey: 'dueOn', order: 'descend' }));
    expect(result.current.query).toEqual({ page: 1, pageSize: 50, sort: '-dueOn' });
    expect(result.current.sortOrderOf('dueOn')).toBe('descend');
    expect(result.current.sortOrderOf('name')).toBeNull();

    act(() => result.current.onChange({ current: 1, pageSize: 50 }, {}, { columnKey: 'dueOn', order: undefined }));
    expect(result.current.query.sort).toBe('name');
  });
});
