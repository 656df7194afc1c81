import {
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addRectificationNote,
  closeRectification,
  openRectification,
  useRectification,
  useRectifications,
  type RectificationFilter,
  type RectificationInput,
  type RectificationListItem,
  type RectificationStatus,
} from '@/features/organizations/api/rectifications';
import { FormModal } from '@/components/form-modal';
import { LoadFailure } from '@/components/result-pages';
import { useTableState } from '@/hooks/use-table-state';
import { shanghaiToday } from '@/lib/dates';
import { DateField } from '@/components/date-field';
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
        <FormModal<RectificationInput>
          title={t('rectifications.open')}
          fields={['reasons', 'plan', 'responsiblePerson', 'flaggedOn', 'dueOn']}
          initialValues={{ reasons: [], flaggedOn: shanghaiToday() }}
          onSubmit={async (values) => {
            await openRectification(organizationId, { ...values, reasons: values.reasons ?? [] });
            await refresh();
          }}
          onClose={() => setOpening(false)}
        >
          <Form.Item label={t('rectifications.reasons')} name="reasons" required>
            <Select mode="tags" open={false} placeholder={t('rectifications.reasonsHint')} />
          </Form.Item>
          <Form.Item label={t('rectifications.plan')} name="plan" required>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label={t('rectifications.responsible')} name="responsiblePerson" required>
            <Input />
          </Form.Item>
          <Form.Item label={t('rectifications.flaggedOn')} name="flaggedOn">
            <DateField />
          </Form.Item>
          <Form.Item label={t('rectifications.dueOn')} name="dueOn" required>
            <DateField />
          </Form.Item>
        </FormModal>
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

interface DrawerProps {
  organizationId: string;
  rectificationId: string;
  canWrite: boolean;
  onClose: () => void;
  onChanged: () => Promise<void>;
}

/** One rectification: reasons, plan, the notes so far; adding a note and closing it. */
function RectificationDrawer({ organizationId, rectificationId, canWrite, onClose, onChanged }: DrawerProps) {
  const { t } = useTranslation();
  const query = useRectification(organizationId, rectificationId);
  const [dialog, setDialog] = useState<'note' | 'close'>();
  const r = query.data?.rectification;
  const open = r?.status === 'Open';

  async function changed() {
    await query.refetch();
    await onChanged();
  }

  return (
    <Drawer
      open
      size="large"
      title={r ? `${t('rectifications.title')} · ${r.organizationName}` : t('rectifications.title')}
      onClose={onClose}
      extra={
        r &&
        open &&
        canWrite && (
          <Space>
            <Button onClick={() => setDialog('note')}>{t('rectifications.addNote')}</Button>
            <Button danger onClick={() => setDialog('close')}>
              {t('rectifications.close')}
            </Button>
          </Space>
        )
      }
    >
      {query.isError ? (
        <LoadFailure error={query.error} />
      ) : !r ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('rectifications.reasons')}>
              {r.reasons.map((reason) => (
                <Tag key={reason}>{reason}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('rectifications.plan')}>{r.plan}</Descriptions.Item>
            <Descriptions.Item label={t('rectifications.responsible')}>{r.responsiblePerson}</Descriptions.Item>
            <Descriptions.Item label={t('rectifications.flaggedOn')}>{r.flaggedOn}</Descriptions.Item>
            <Descriptions.Item label={t('rectifications.dueOn')}>
              {r.overdue ? (
                <Typography.Text type="danger">
                  {r.dueOn} · {t('rectifications.overdue')}
                </Typography.Text>
              ) : (
                r.dueOn
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('organizations.status')}>
              {t(`rectifications.status.${r.status}`)}
              {r.closedOn ? ` · ${r.closedOn}` : ''}
            </Descriptions.Item>
            {r.closureNote && (
              <Descriptions.Item label={t('rectifications.closureNote')}>{r.closureNote}</Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('rectifications.notes')}
          </Typography.Title>
          {r.notes.length === 0 ? (
            <Typography.Text type="secondary">{t('rectifications.noNotes')}</Typography.Text>
          ) : (
            <Timeline items={r.notes.map((note) => ({ key: note.id, title: note.notedOn, content: note.content }))} />
          )}
        </>
      )}
      {dialog === 'note' && (
        <FormModal<{ notedOn?: string; content: string }>
          title={t('rectifications.addNote')}
          fields={['notedOn', 'content']}
          initialValues={{ notedOn: shanghaiToday() }}
          onSubmit={async (values) => {
            await addRectificationNote(organizationId, rectificationId, values);
            await changed();
          }}
          onClose={() => setDialog(undefined)}
        >
          <Form.Item label={t('rectifications.notedOn')} name="notedOn">
            <DateField />
          </Form.Item>
          <Form.Item label={t('rectifications.noteContent')} name="content" required>
            <Input.TextArea rows={3} />
          </Form.Item>
        </FormModal>
      )}
      {dialog === 'close' && query.data && (
        <FormModal<{ closedOn?: string; closureNote: string }>
          title={t('rectifications.close')}
          fields={['closedOn', 'closureNote']}
          initialValues={{ closedOn: shanghaiToday() }}
          onSubmit={async (values) => {
            await closeRectification(organizationId, rectificationId, query.data.etag, values);
            await changed();
          }}
          onReload={() => void query.refetch()}
          onClose={() => setDialog(undefined)}
        >
          <Form.Item label={t('rectifications.closedOn')} name="closedOn">
            <DateField />
          </Form.Item>
          <Form.Item label={t('rectifications.closureNote')} name="closureNote" required>
            <Input.TextArea rows={3} />
          </Form.Item>
        </FormModal>
      )}
    </Drawer>
  );
}
