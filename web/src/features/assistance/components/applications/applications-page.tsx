import { Badge, Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  inboxes,
  useApplications,
  useInboxCount,
  type ApplicationSummary,
  type Inbox,
} from '@/features/assistance/api/applications';
import { exportApplications } from '@/features/assistance/api/statistics';
import { ApplicationDrawer } from '@/features/assistance/components/applications/application-drawer';
import { ApplicationForm } from '@/features/assistance/components/applications/application-form';
import { DrawSampleDialog, FollowUpTag } from '@/features/assistance/components/applications/receipt-checks';
import { statusColors, yuan } from '@/features/assistance/components/applications/format';
import { ExportButtons } from '@/components/export-buttons';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import { useTableState } from '@/hooks/use-table-state';
import { useCan } from '@/lib/auth';

/** A tab's title with how many wait in it. */
function InboxTab({ inbox }: { inbox: Inbox }) {
  const { t } = useTranslation();
  const count = useInboxCount(inbox);
  return (
    <Space size={6}>
      {t(`assistanceApply.inboxes.${inbox}`)}
      {inbox !== 'all' && (
        <Badge
          count={count.data ?? 0}
          showZero
          overflowCount={999}
          color={count.data ? '#cf1322' : '#bfbfbf'}
          aria-label={t('assistanceApply.waiting', { count: count.data ?? 0 })}
        />
      )}
    </Space>
  );
}

/**
 * Applications to the care fund by what they wait for: the branch's review, the street's and the district's
 * approval, payment and the recipient's confirmation; each tab counts its own. A row opens the application.
 */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const canWrite = useCan('funds.write');
  const [params, setParams] = useSearchParams();
  const inbox = (inboxes as string[]).includes(params.get('inbox') ?? '') ? (params.get('inbox') as Inbox) : 'review';
  const opened = params.get('id') ?? undefined;
  const table = useTableState('-createdAt');
  const list = useApplications(inbox, table.query);
  const [creating, setCreating] = useState(false);
  const [drawing, setDrawing] = useState(false);
  const checks = inbox === 'followUp';
  const w = (k: string) => t(`assistanceApply.${k}`);
  const open = (id: string | undefined) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (id) {
        next.set('id', id);
      } else {
        next.delete('id');
      }
      return next;
    });

  return (
    <Card
      title={<PageHeading>{w('title')}</PageHeading>}
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {w('create')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{w('intro')}</Typography.Paragraph>
      <Tabs
        activeKey={inbox}
        onChange={(key) => {
          setParams({ inbox: key });
          table.reset();
        }}
        items={inboxes.map((key) => ({ key, label: <InboxTab inbox={key} /> }))}
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <ExportButtons onExport={(format) => exportApplications(inbox, table.query.sort, format)} />
      </Space>
      {checks && (
        <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Text type="secondary">{t('assistanceReceipt.intro')}</Typography.Text>
          {canWrite && <Button onClick={() => setDrawing(true)}>{t('assistanceReceipt.draw')}</Button>}
        </Space>
      )}
      <QueryView query={list}>
        <Table<ApplicationSummary>
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          loading={list.isFetching}
          dataSource={list.data?.items}
          pagination={table.pagination(list.data?.total)}
          onChange={table.onChange}
          locale={{ emptyText: checks ? t('assistanceReceipt.empty') : w('emptyInbox') }}
          onRow={(a) => ({ onClick: () => open(a.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: w('member'),
              key: 'memberName',
              ...table.sortable('memberName'),
              render: (_, a) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => open(a.id)}>
                  {a.memberName}
                </Button>
              ),
            },
            { title: w('category'), key: 'category', render: (_, a) => t(`assistanceApply.categories.${a.category}`) },
            {
              title: w('amount'),
              key: 'amount',
              align: 'right',
              ...table.sortable('amount'),
              render: (_, a) => yuan(a.amount),
            },
            { title: w('tier'), key: 'tier', render: (_, a) => t(`assistanceApply.tiers.${a.tier}`) },
            {
              title: w('status'),
              key: 'status',
              render: (_, a) => (
                <Space size={4} wrap>
                  <Tag color={statusColors[a.status]}>{t(`assistanceApply.statuses.${a.status}`)}</Tag>
                  {a.repeatOfId && <Tag color="warning">{w('repeat')}</Tag>}
                </Space>
              ),
            },
            ...(checks
              ? [
                  {
                    title: t('assistanceReceipt.followUp'),
                    key: 'followUp',
                    render: (_: unknown, a: ApplicationSummary) => <FollowUpTag outcome={a.followUp} />,
                  },
                ]
              : [{ title: w('noticeTo'), dataIndex: 'noticeTo', key: 'noticeTo' }]),
            { title: w('paidOn'), dataIndex: 'paidOn', key: 'paidOn' },
          ]}
        />
      </QueryView>
      {creating && (
        <ApplicationForm
          onClose={() => setCreating(false)}
          onCreated={(a) => {
            setParams({ inbox: 'review', id: a.id });
          }}
        />
      )}
      {drawing && <DrawSampleDialog onClose={() => setDrawing(false)} />}
      {opened && <ApplicationDrawer id={opened} onClose={() => open(undefined)} />}
    </Card>
  );
}

export default ApplicationsPage;
