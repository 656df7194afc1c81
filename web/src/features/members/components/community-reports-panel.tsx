import { Checkbox, Empty, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  exportCommunityReports,
  useCommunityReports,
  type CommunityReport,
} from '@/features/members/api/community-reports';
import { ExportButtons } from '@/components/export-buttons';
import { OrganizationSelect } from '@/components/organization-select';
import { useTableState } from '@/hooks/use-table-state';
import { QueryView } from '@/components/query-view';

/**
 * 双报到 seen from the community: the members who reported to one of the caller's communities, from whatever
 * region they work in (names and organizations only), newest report first.
 */
export function CommunityReportsPanel() {
  const { t } = useTranslation();
  const [communityId, setCommunityId] = useState<string>();
  const [includeEnded, setIncludeEnded] = useState(false);
  const table = useTableState();
  const reports = useCommunityReports(communityId, includeEnded, table.query);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <div style={{ width: 320 }}>
          <OrganizationSelect
            aria-label={t('communityReports.community')}
            value={communityId}
            onChange={(value) => {
              setCommunityId((value as string) || undefined);
              table.reset();
            }}
          />
        </div>
        <Checkbox
          checked={includeEnded}
          onChange={(e) => {
            setIncludeEnded(e.target.checked);
            table.reset();
          }}
        >
          {t('communityReports.includeEnded')}
        </Checkbox>
        <ExportButtons
          disabled={communityId === undefined}
          onExport={(format) => exportCommunityReports(communityId!, includeEnded, table.query.sort, format)}
        />
      </Space>
      {communityId === undefined ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('communityReports.choose')} />
      ) : (
        <QueryView query={reports}>
          <Table<CommunityReport>
            rowKey="id"
            size="small"
            loading={reports.isFetching}
            dataSource={reports.data?.items}
            pagination={table.pagination(reports.data?.total)}
            onChange={table.onChange}
            columns={[
              { title: t('members.name'), dataIndex: 'memberName', key: 'memberName', ...table.sortable('memberName') },
              { title: t('members.organization'), dataIndex: 'memberOrganizationName', key: 'memberOrganizationName' },
              {
                title: t('communityReports.reportedOn'),
                dataIndex: 'reportedOn',
                key: 'reportedOn',
                ...table.sortable('reportedOn'),
              },
              ...(includeEnded
                ? [
                    {
                      title: t('communityReports.endedOn'),
                      dataIndex: 'endedOn',
                      key: 'endedOn',
                      render: (d: string | null | undefined) => d ?? '—',
                    },
                  ]
                : []),
              {
                title: t('members.status'),
                key: 'status',
                render: (_, r) => (
                  <Tag color={r.endedOn ? 'default' : 'green'}>
                    {r.endedOn ? t('communityReports.ended') : t('communityReports.current')}
                  </Tag>
                ),
              },
            ]}
          />
        </QueryView>
      )}
    </>
  );
}
