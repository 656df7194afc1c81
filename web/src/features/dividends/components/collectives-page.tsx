import { Card, Input, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import { useCollectives, type Collective } from '@/features/dividends/api/collectives';

/** Collective economic organizations and branch-led cooperatives in the caller's scope, sorted on the server. */
export function CollectivesPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<string>();
  const [q, setQ] = useState<string>();
  const collectives = useCollectives(page, sort, q);
  return (
    <Card
      title={<PageHeading>{t('dividends.title')}</PageHeading>}
      extra={
        <Input.Search
          allowClear
          aria-label={t('dividends.search')}
          placeholder={t('dividends.search')}
          onSearch={(value) => {
            setPage(1);
            setQ(value.trim() || undefined);
          }}
        />
      }
    >
      <QueryView query={collectives}>
        <Table<Collective>
          rowKey="id"
          loading={collectives.isFetching}
          dataSource={collectives.data?.items ?? []}
          tableLayout="fixed"
          pagination={{
            current: page,
            pageSize: 20,
            total: collectives.data?.total ?? 0,
            showSizeChanger: false,
          }}
          onChange={(pagination, _filters, sorter) => {
            setPage(pagination.current ?? 1);
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            setSort(one?.order ? `${one.order === 'descend' ? '-' : ''}${String(one.field)}` : undefined);
          }}
          // Fits the page at 1440 wide without scrolling: secondary columns give way on narrower screens and
          // long names end in an ellipsis (the whole name shows on hover and on the collective's page).
          columns={[
            {
              title: t('dividends.name'),
              dataIndex: 'name',
              sorter: true,
              ellipsis: true,
              render: (name: string, row) => (
                <Link to={`/dividends/collectives/${row.id}`} title={name}>
                  {name}
                </Link>
              ),
            },
            {
              title: t('dividends.kind'),
              dataIndex: 'kind',
              width: 150,
              responsive: ['sm'],
              render: (kind: Collective['kind']) => <Tag>{t(`dividends.kinds.${kind}`)}</Tag>,
            },
            {
              title: t('dividends.creditCode'),
              dataIndex: 'creditCode',
              sorter: true,
              width: 200,
              responsive: ['xxl'],
            },
            { title: t('dividends.organization'), dataIndex: 'organizationName', ellipsis: true, responsive: ['lg'] },
            {
              title: t('dividends.land'),
              dataIndex: 'landTransferredMu',
              sorter: true,
              align: 'right',
              width: 130,
              responsive: ['md'],
            },
            {
              title: t('dividends.management'),
              dataIndex: 'shareManagement',
              width: 100,
              responsive: ['xl'],
              render: (m: Collective['shareManagement']) => t(`dividends.managements.${m}`),
            },
            {
              title: t('dividends.households'),
              dataIndex: 'households',
              align: 'right',
              width: 80,
              responsive: ['lg'],
            },
            { title: t('dividends.members'), dataIndex: 'members', sorter: true, align: 'right', width: 90 },
          ]}
        />
      </QueryView>
    </Card>
  );
}

export default CollectivesPage;
