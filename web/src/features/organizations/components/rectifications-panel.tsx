import { Button, Checkbox, Select, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useRectifications,
  type RectificationFilter,
  type RectificationListItem,
  type RectificationStatus,
} from '@/features/organizations/api/rectifications';
import { OpenRectificationDialog } from '@/features/organizations/components/rectifications/open-dialog';
import { RectificationDrawer } from '@/features/organizations/components/rectifications/rectification-drawer';
import { useTableState } from '@/hooks/use-table-state';
import { QueryView } from '@/components/query-view';

interface Props {
  organizationId: string;
  canWrite: boolean;
}

/** Weak-organization rectifications (软弱涣散整顿): overdue ones stand out; each opens with its progress notes. */
export function RectificationsPanel({ organizationId, canWrite }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const table = useTableState('dueOn', 10);
  const [filter, setFilter] = useState<RectificationFilter>({ includeDescendants: true, overdueOnly: false });
  const rectifications = useRectifications(organizationId, filter, table.query);
  const [opening, setOpening] = useState(false);
  // The row's own organization: with descendants included, a rectification may belong to a child.
  const [shown, setShown] = useState<RectificationListItem>();
  const refresh = () => client.invalidateQueries({ queryKey: ['organizations', organizationId] });

  function changeFilter(change: Partial<RectificationFilter>) {
    setFilter((current) => ({ ...current, ...change }));
    table.reset();
  }

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {canWrite && <Button onClick={() => setOpening(true)}>{t('rectifications.open')}</Button>}
        <Select<RectificationStatus>
          aria-label={t('organizations.status')}
          allowClear
          placeholder={t('organizations.status')}
          style={{ width: 140 }}
          disabled={filter.overdueOnly}
          value={filter.status}
          onChange={(status) => changeFilter({ status })}
          options={(['Open', 'Closed'] as const).map((s) => ({ value: s, label: t(`rectifications.status.${s}`) }))}
        />
        <Checkbox
          checked={filter.includeDescendants}
          disabled={filter.overdueOnly}
          onChange={(e) => changeFilter({ includeDescendants: e.target.checked })}
        >
          {t('rectifications.includeDescendants')}
        </Checkbox>
        <Checkbox checked={filter.overdueOnly} onChange={(e) => changeFilter({ overdueOnly: e.target.checked })}>
          {t('rectifications.overdueOnly')}
        </Checkbox>
      </Space>
      <QueryView query={rectifications}>
        <Table<RectificationListItem>
          rowKey="id"
          size="small"
          loading={rectifications.isFetching}
          dataSource={rectifications.data?.items}
          pagination={table.pagination(rectifications.data?.total)}
          onChange={table.onChange}
          rowClassName={(r) => (r.overdue ? 'row-overdue' : '')}
          onRow={(r) => ({
            onClick: () => setShown(r),
            style: { cursor: 'pointer', background: r.overdue ? '#fff1f0' : undefined },
          })}
          columns={[
            {
              title: t('rectifications.organization'),
              dataIndex: 'organizationName',
              key: 'organizationName',
              ...table.sortable('organizationName'),
              // A real link, so the drawer opens from the keyboard too (the whole row also opens it on click).
              render: (name: string, r) => (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, height: 'auto' }}
                  onClick={(event) => {
                    event.stopPropagation();
                    setShown(r);
                  }}
                >
                  {name}
                </Button>
              ),
            },
            { title: t('rectifications.responsible'), dataIndex: 'responsiblePerson', key: 'responsiblePerson' },
            {
              title: t('rectifications.flaggedOn'),
              dataIndex: 'flaggedOn',
              key: 'flaggedOn',
              ...table.sortable('flaggedOn'),
            },
            {
              title: t('rectifications.dueOn'),
              dataIndex: 'dueOn',
              key: 'dueOn',
              ...table.sortable('dueOn'),
              render: (dueOn: string, r) =>
                r.overdue ? (
                  <Typography.Text type="danger">
                    {dueOn} · {t('rectifications.daysOverdue', { count: r.daysOverdue })}
                  </Typography.Text>
                ) : (
                  dueOn
                ),
            },
            {
              title: t('organizations.status'),
              dataIndex: 'status',
              key: 'status',
              ...table.sortable('status'),
              render: (status: RectificationStatus, r) => (
                <Tag color={r.overdue ? 'red' : status === 'Open' ? 'orange' : 'green'}>
                  {r.overdue ? t('rectifications.overdue') : t(`rectifications.status.${status}`)}
                </Tag>
              ),
            },
          ]}
        />
      </QueryView>
      {opening && (
        <OpenRectificationDialog organizationId={organizationId} onOpened={refresh} onClose={() => setOpening(false)} />
      )}
      {shown && (
        <RectificationDrawer
          organizationId={shown.organizationId}
          rectificationId={shown.id}
          canWrite={canWrite}
          onClose={() => setShown(undefined)}
          onChanged={refresh}
        />
      )}
    </>
  );
}
