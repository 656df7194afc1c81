import { Alert, App, Button, Empty, Form, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { QueryView } from '@/components/query-view';
import {
  answerObjection,
  closeObjection,
  planKey,
  recordObjection,
  useObjections,
  type Objection,
  type Plan,
} from '@/features/dividends/api/plans';
import { useCan } from '@/lib/auth';
import { ApiError } from '@/lib/problem';

const statusColor = { Open: 'red', Answered: 'orange', Closed: 'green' } as const;

/** The objection register of a plan on notice: every objection recorded, answered and closed before approval. */
export function ObjectionsSection({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canWrite = useCan('dividends.write');
  const objections = useObjections(plan.id);
  const [dialog, setDialog] = useState<'record' | Objection>();
  const refresh = () => void client.invalidateQueries({ queryKey: planKey(plan.id) });
  const editable = !plan.payoutsCreated && plan.supersededById == null;
  return (
    <section aria-label={t('dividendScreens.objections.title')}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <h2 style={{ fontSize: 16, margin: 0 }}>{t('dividendScreens.objections.title')}</h2>
        {canWrite && editable && (
          <Button onClick={() => setDialog('record')}>{t('dividendScreens.objections.record')}</Button>
        )}
      </Space>
      {plan.openObjections > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '8px 0' }}
          title={t('dividendScreens.objections.blocking', { n: plan.openObjections })}
        />
      )}
      <QueryView query={objections}>
        <Table<Objection>
          rowKey="id"
          size="small"
          pagination={false}
          loading={objections.isFetching}
          dataSource={objections.data ?? []}
          locale={{ emptyText: <Empty description={t('dividendScreens.objections.none')} /> }}
          scroll={{ x: 760 }}
          columns={[
            { title: t('dividendScreens.objections.receivedOn'), dataIndex: 'receivedOn', width: 110 },
            { title: t('dividendScreens.objections.raisedBy'), dataIndex: 'raisedBy', width: 100 },
            { title: t('dividendScreens.objections.content'), dataIndex: 'content' },
            {
              title: t('dividendScreens.objections.answerContent'),
              dataIndex: 'answer',
              render: (answer: string | null, o) => (answer ? `${answer}（${o.answeredByName ?? ''}）` : '—'),
            },
            {
              title: t('dividendScreens.status'),
              dataIndex: 'status',
              width: 90,
              render: (s: Objection['status']) => (
                <Tag color={statusColor[s]}>{t(`dividendScreens.objections.statuses.${s}`)}</Tag>
              ),
            },
            {
              title: '',
              key: 'actions',
              width: 140,
              render: (_, o) =>
                canWrite && o.status !== 'Closed' ? (
                  <Space size={4}>
                    <Button size="small" onClick={() => setDialog(o)}>
                      {t('dividendScreens.objections.answer')}
                    </Button>
                    {o.status === 'Answered' && (
                      <Popconfirm
                        title={t('dividendScreens.objections.closeConfirm')}
                        okText={t('dividendScreens.objections.close')}
                        cancelText={t('form.cancel')}
                        onConfirm={async () => {
                          try {
                            await closeObjection(o);
                            refresh();
                          } catch (error) {
                            void message.error(error instanceof ApiError ? error.message : t('errors.generic'));
                          }
                        }}
                      >
                        <Button size="small" type="primary">
                          {t('dividendScreens.objections.close')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ) : null,
            },
          ]}
        />
      </QueryView>
      {dialog === 'record' && (
        <FormModal<{ receivedOn: string; raisedBy: string; content: string }>
          title={t('dividendScreens.objections.record')}
          fields={['receivedOn', 'raisedBy', 'content']}
          initialValues={{ receivedOn: new Date().toISOString().slice(0, 10) }}
          onSubmit={async (values) => {
            await recordObjection(plan.id, values);
            refresh();
          }}
          onClose={() => setDialog(undefined)}
        >
          <Form.Item name="receivedOn" label={t('dividendScreens.objections.receivedOn')}>
            <DateField />
          </Form.Item>
          <Form.Item name="raisedBy" label={t('dividendScreens.objections.raisedBy')}>
            <Input />
          </Form.Item>
          <Form.Item name="content" label={t('dividendScreens.objections.content')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </FormModal>
      )}
      {dialog && dialog !== 'record' && (
        <FormModal<{ answer: string }>
          title={`${t('dividendScreens.objections.answer')} · ${dialog.raisedBy}`}
          fields={['answer']}
          initialValues={{ answer: dialog.answer ?? undefined }}
          onSubmit={async ({ answer }) => {
            await answerObjection(dialog, answer);
            refresh();
          }}
          onReload={refresh}
          onClose={() => setDialog(undefined)}
        >
          <p>{dialog.content}</p>
          <Form.Item name="answer" label={t('dividendScreens.objections.answerContent')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </FormModal>
      )}
    </section>
  );
}
