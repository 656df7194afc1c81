import { App as AntApp, Button, Space, Table } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  approveLateEntry,
  exportList,
  rejectLateEntry,
  useLateEntries,
  type Session,
} from '@/features/volunteering/api/volunteer-hours';
import { RejectLateEntryDialog } from '@/features/volunteering/components/volunteer-hours/reject-late-entry-dialog';
import { formatTime } from '@/features/volunteering/components/volunteer-hours/time';
import { ExportButtons } from '@/components/export-buttons';
import { QueryView } from '@/components/query-view';
import { useTableState } from '@/hooks/use-table-state';
import { useCan } from '@/lib/auth';

/** 补录 awaiting a coordinator's approval (谁记录谁证明: not the one who entered it). */
export function LateEntriesTab() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const canWrite = useCan('volunteering.write');
  const table = useTableState('createdAt');
  const entries = useLateEntries(table.query);
  const [rejecting, setRejecting] = useState<Session>();

  async function approve(session: Session) {
    try {
      await approveLateEntry(session);
      void message.success(t('volunteerHours.saved'));
    } catch (error) {
      void message.error((error as Error).message);
    }
    await client.invalidateQueries({ queryKey: ['volunteering', 'hours'] });
  }

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <ExportButtons onExport={(format) => exportList('late-entries', table.query.sort, format)} />
      </Space>
      <QueryView query={entries}>
        <Table<Session>
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          loading={entries.isFetching}
          dataSource={entries.data?.items}
          pagination={table.pagination(entries.data?.total)}
          onChange={table.onChange}
          columns={[
            {
              title: t('volunteerHours.volunteer'),
              dataIndex: 'volunteerName',
              key: 'volunteerName',
              ...table.sortable('volunteerName'),
            },
            { title: t('volunteerHours.activity'), dataIndex: 'activityTitle', key: 'activity' },
            {
              title: t('volunteerHours.startsAt'),
              key: 'startsAt',
              ...table.sortable('startsAt'),
              render: (_, s) => formatTime(s.startsAt),
            },
            { title: t('volunteerHours.reason'), dataIndex: 'lateReason', key: 'reason' },
            {
              title: '',
              key: 'actions',
              render: (_, s) =>
                canWrite && (
                  <Space size="small">
                    <Button size="small" type="primary" onClick={() => approve(s)}>
                      {t('volunteerHours.approve')}
                    </Button>
                    <Button size="small" onClick={() => setRejecting(s)}>
                      {t('volunteerHours.reject')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </QueryView>
      {rejecting && (
        <RejectLateEntryDialog
          onClose={() => setRejecting(undefined)}
          onSubmit={async (reason) => {
            await rejectLateEntry(rejecting, reason);
            await client.invalidateQueries({ queryKey: ['volunteering', 'hours'] });
            setRejecting(undefined);
          }}
        />
      )}
    </>
  );
}
