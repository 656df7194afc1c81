import { Alert, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  endHardship,
  hardshipCategories,
  recordHardship,
  useHardships,
  type EndHardshipInput,
  type Hardship,
  type RecordHardshipInput,
} from '@/features/members/api/hardships';
import { revealMemberData } from '@/features/members/api/members';
import { FormModal } from '@/components/form-modal';
import { LoadFailure } from '@/components/result-pages';
import { useCan } from '@/lib/auth';
import { shanghaiToday } from '@/lib/dates';
import { DateField } from '@/components/date-field';
import { QueryView } from '@/components/query-view';

/**
 * The hardship register (困难党员) of one member: the history, recording an entry, and ending an open one.
 * Notes are personal data: a list only says whether there are
 * any; reading them is a reveal, with a reason and an audit row.
 */
export function HardshipsPanel({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canWrite = useCan('members.write');
  const canReveal = useCan('members.reveal-pii');
  const hardships = useHardships(memberId);
  const [recording, setRecording] = useState(false);
  const [ending, setEnding] = useState<Hardship>();
  const [revealing, setRevealing] = useState<Hardship>();
  const [revealed, setRevealed] = useState<{ hardship: Hardship; value: string | null }>();
  const today = shanghaiToday();
  // The member's own query, the register (its "in hardship" filter) and this history.
  const refresh = () => client.invalidateQueries({ queryKey: ['members'] });
  // The server still lets an entry be ended while its end is not in the past.
  const open = (h: Hardship) => h.until === null || h.until === undefined || h.until >= today;

  if (hardships.isError) {
    return <LoadFailure error={hardships.error} />;
  }
  return (
    <>
      {revealed && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setRevealed(undefined)}
          style={{ marginBottom: 12 }}
          title={[
            t(`hardships.categories.${revealed.hardship.category}`),
            ' · ',
            revealed.hardship.since,
            `：${revealed.value ?? '—'}`,
          ].join('')}
          description={t('members.revealedNote')}
        />
      )}
      {canWrite && (
        <Space style={{ marginBottom: 12 }}>
          <Button onClick={() => setRecording(true)}>{t('hardships.record')}</Button>
        </Space>
      )}
      <QueryView query={hardships}>
        <Table<Hardship>
          rowKey="id"
          size="small"
          loading={hardships.isFetching}
          dataSource={hardships.data}
          pagination={false}
          locale={{ emptyText: t('hardships.empty') }}
          columns={[
            {
              title: t('hardships.category'),
              dataIndex: 'category',
              key: 'category',
              render: (c: Hardship['category']) => t(`hardships.categories.${c}`),
            },
            { title: t('hardships.since'), dataIndex: 'since', key: 'since' },
            {
              title: t('hardships.until'),
              dataIndex: 'until',
              key: 'until',
              render: (d: string | null | undefined) => d ?? '—',
            },
            {
              title: t('hardships.status'),
              dataIndex: 'current',
              key: 'current',
              render: (current: boolean) => (
                <Tag color={current ? 'orange' : 'default'}>
                  {current ? t('hardships.current') : t('hardships.ended')}
                </Tag>
              ),
            },
            {
              title: t('hardships.notes'),
              dataIndex: 'hasNotes',
              key: 'notes',
              render: (hasNotes: boolean, h) =>
                hasNotes ? (
                  <Space size={4}>
                    <Typography.Text type="secondary">{t('hardships.notesHidden')}</Typography.Text>
                    {canReveal && (
                      <Button size="small" type="link" onClick={() => setRevealing(h)}>
                        {t('members.reveal')}
                      </Button>
                    )}
                  </Space>
                ) : (
                  '—'
                ),
            },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'actions',
                    render: (_: unknown, h: Hardship) =>
                      open(h) && (
                        <Button size="small" onClick={() => setEnding(h)}>
                          {t('hardships.end')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </QueryView>
      {recording && (
        <FormModal<RecordHardshipInput>
          title={t('hardships.record')}
          fields={['category', 'since', 'until', 'notes']}
          initialValues={{ since: today }}
          onSubmit={async (values) => {
            await recordHardship(memberId, values);
            await refresh();
          }}
          onClose={() => setRecording(false)}
        >
          <Form.Item label={t('hardships.category')} name="category" required>
            <Select
              aria-label={t('hardships.category')}
              options={hardshipCategories.map((c) => ({ value: c, label: t(`hardships.categories.${c}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('hardships.since')} name="since" required>
            <DateField />
          </Form.Item>
          <Form.Item label={t('hardships.until')} name="until" extra={t('hardships.untilHint')}>
            <DateField />
          </Form.Item>
          <Form.Item label={t('hardships.notes')} name="notes" extra={t('hardships.notesHint')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
      {ending && (
        <FormModal<EndHardshipInput>
          title={`${t('hardships.endTitle')} · ${t(`hardships.categories.${ending.category}`)} · ${ending.since}`}
          fields={['until']}
          initialValues={{ until: today }}
          onSubmit={async (values) => {
            await endHardship(memberId, ending, values);
            await refresh();
          }}
          onReload={() => void refresh()}
          onClose={() => setEnding(undefined)}
        >
          <Form.Item label={t('hardships.until')} name="until">
            <DateField />
          </Form.Item>
        </FormModal>
      )}
      {revealing && (
        <FormModal<{ reason: string }>
          title={t('members.revealTitle', { field: t('hardships.notes') })}
          fields={['reason']}
          okText={t('members.reveal')}
          onSubmit={async ({ reason }) =>
            setRevealed({
              hardship: revealing,
              value: await revealMemberData(memberId, 'HardshipNotes', reason ?? '', revealing.id),
            })
          }
          onClose={() => setRevealing(undefined)}
        >
          <Alert type="info" showIcon title={t('members.revealAudited')} style={{ marginBottom: 12 }} />
          <Form.Item label={t('members.revealReason')} name="reason" required>
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
