import { Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryView } from '@/components/query-view';
import { useShareChanges, type ShareChange } from '@/features/dividends/api/register';

/** The dated share changes, newest first: each with its lines (who gained or gave how many shares of which type). */
export function ChangesTab({ collectiveId }: { collectiveId: string }) {
  const { t } = useTranslation();
  const changes = useShareChanges(collectiveId);
  return (
    <QueryView query={changes}>
      <Table<ShareChange>
        rowKey="id"
        size="small"
        loading={changes.isFetching}
        dataSource={changes.data ?? []}
        locale={{ emptyText: <Empty description={t('dividendScreens.noChanges')} /> }}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('dividendScreens.effectiveOn'), dataIndex: 'effectiveOn' },
          {
            title: t('dividendScreens.changeKind'),
            dataIndex: 'kind',
            render: (kind: ShareChange['kind']) => <Tag>{t(`dividendScreens.changeKinds.${kind}`)}</Tag>,
          },
          {
            title: t('dividendScreens.lines'),
            key: 'lines',
            render: (_, change) =>
              change.lines.map((line) => `${line.memberName} ${line.delta > 0 ? '+' : ''}${line.delta}`).join('，'),
          },
          { title: t('dividendScreens.reason'), dataIndex: 'reason' },
          { title: t('dividendScreens.documentRef'), dataIndex: 'documentRef' },
          { title: t('dividendScreens.recordedBy'), dataIndex: 'recordedBy' },
        ]}
      />
    </QueryView>
  );
}
