import { Button, Input, List, Spin, Tree, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizationSearch } from '@/lib/organization-search';
import type { OrganizationTreeState } from '@/features/organizations/components/use-organization-tree';
import { QueryView } from '@/components/query-view';

interface Props {
  tree: OrganizationTreeState;
  selectedId?: string;
  onSelect: (id: string) => void;
}

function useDebounced(value: string, delay: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/** The tree with a name search above it; choosing a match opens the tree down to it. */
export function OrganizationTree({ tree, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebounced(text, 250);
  const search = useOrganizationSearch(q);
  const searching = text.trim().length > 0;

  return (
    <>
      <Input.Search
        placeholder={t('organizations.search')}
        aria-label={t('organizations.search')}
        allowClear
        value={text}
        onChange={(event) => setText(event.target.value)}
        style={{ marginBottom: 12 }}
      />
      {searching ? (
        <section aria-label={t('organizations.searchResults')}>
          <QueryView query={search}>
            <List
              size="small"
              loading={search.isFetching}
              dataSource={search.data?.items ?? []}
              locale={{ emptyText: t('organizations.noMatches') }}
              footer={
                search.data && search.data.total > search.data.items.length
                  ? t('organizations.moreMatches', { count: search.data.total })
                  : undefined
              }
              renderItem={(item) => (
                <List.Item>
                  <Button
                    type="link"
                    size="small"
                    className="organization-search-result"
                    onClick={() => {
                      setText('');
                      onSelect(item.id);
                    }}
                  >
                    {item.name}
                  </Button>
                  {item.status === 'Dissolved' && (
                    <Typography.Text type="secondary"> · {t('status.Dissolved')}</Typography.Text>
                  )}
                </List.Item>
              )}
            />
          </QueryView>
        </section>
      ) : tree.nodes ? (
        <Tree
          treeData={tree.nodes}
          loadData={(node) => tree.loadChildren(node.key)}
          loadedKeys={tree.loadedKeys}
          expandedKeys={tree.expanded}
          onExpand={(keys) => tree.setExpanded(keys)}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(keys) => keys[0] !== undefined && onSelect(String(keys[0]))}
          aria-label={t('organizations.tree')}
        />
      ) : (
        <Spin />
      )}
    </>
  );
}
