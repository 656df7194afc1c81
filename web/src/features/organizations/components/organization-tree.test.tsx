import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, vi } from 'vitest';
import { OrganizationTree } from '@/features/organizations/components/organization-tree';
import {
  useOrganizationTree,
  type OrganizationTreeState,
} from '@/features/organizations/components/use-organization-tree';
import { mockApi } from '@/test/mock-api';
import { renderWithProviders } from '@/test/render';

const item = (id: string, name: string, activeChildCount = 0) => ({
  id,
  parentId: null,
  name,
  shortName: null,
  kind: 'Committee',
  field: 'Government',
  secretaryName: null,
  depth: 0,
  status: 'Active',
  activeChildCount,
  version: 1,
});
const page = (items: object[]) => ({ items, total: items.length, page: 1, pageSize: 200 });

const state = {} as { current: OrganizationTreeState };

function Harness({ onSelect }: { onSelect: (id: string) => void }) {
  const tree = useOrganizationTree(undefined);
  useEffect(() => {
    state.current = tree;
  });
  const { loadRoots } = tree;
  useEffect(() => void loadRoots(), [loadRoots]);
  return <OrganizationTree tree={tree} onSelect={onSelect} />;
}

function renderTree() {
  const onSelect = vi.fn();
  renderWithProviders(<Harness onSelect={onSelect} />);
  return onSelect;
}

describe('OrganizationTree', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the roots, loads a node’s children only when it is expanded, and selects on click', async () => {
    const requests = mockApi({
      'GET /api/v1/organizations': () =>
        page([item('jixi', '中共鸡西市委员会', 1), item('dunhua', '中共敦化市委员会')]),
      'GET /api/v1/organizations/jixi/children': () => page([item('hulin', '中共虎林市委员会')]),
    });
    const onSelect = renderTree();
    await screen.findByText('中共鸡西市委员会');
    expect(screen.queryByText('中共虎林市委员会')).toBeNull();
    expect(requests.filter((r) => r.url.includes('/children'))).toHaveLength(0);

    fireEvent.click(document.querySelector('.ant-tree-switcher_close')!);
    await screen.findByText('中共虎林市委员会');
    expect(requests.filter((r) => r.url.includes('/jixi/children'))).toHaveLength(1);

    fireEvent.click(screen.getByText('中共虎林市委员会'));
    expect(onSelect).toHaveBeenCalledWith('hulin');
  });

  it('searches by name on the server and opens a match', async () => {
    const requests = mockApi({
      'GET /api/v1/organizations': (_, url) =>
        url.searchParams.get('q')
          ? page([item('heping', '中共密山市知一镇和平村支部委员会')])
          : page([item('jixi', '中共鸡西市委员会', 1)]),
    });
    const onSelect = renderTree();
    await screen.findByText('中共鸡西市委员会');
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索党组织' }), { target: { value: '和平村' } });
    fireEvent.click(await screen.findByText('中共密山市知一镇和平村支部委员会'));
    expect(onSelect).toHaveBeenCalledWith('heping');
    expect(requests.some((r) => new URL(r.url).searchParams.get('q') === '和平村')).toBe(true);
    await screen.findByText('中共鸡西市委员会');
  });

  it('reveals an organization chosen elsewhere by opening each ancestor, loading what is missing', async () => {
    mockApi({
      'GET /api/v1/organizations': () => page([item('jixi', '中共鸡西市委员会', 1)]),
      'GET /api/v1/organizations/jixi/children': () => page([item('mishan', '中共密山市委员会', 1)]),
      'GET /api/v1/organizations/mishan/children': () => page([item('heping', '中共密山市知一镇和平村支部委员会')]),
    });
    renderTree();
    await screen.findByText('中共鸡西市委员会');
    await act(() => state.current.reveal(['jixi', 'mishan']));
    await waitFor(() => expect(screen.getByText('中共密山市知一镇和平村支部委员会')).toBeTruthy());
    expect(state.current.expanded).toEqual(['jixi', 'mishan']);
  });
});
