import {
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addVisitee,
  buildVisitList,
  exportVisits,
  recordVisit,
  useVisitLists,
  useVisits,
  type AddVisiteeInput,
  type BuildVisitListInput,
  type RecordVisitInput,
  type Visit,
  type VisitList,
} from '@/features/assistance/api/care';
import { yuan } from '@/features/assistance/components/applications/format';
import { FundSelect } from '@/features/assistance/components/fund-select';
import { DateField } from '@/components/date-field';
import { ExportButtons } from '@/components/export-buttons';
import { FormModal } from '@/components/form-modal';
import { OrganizationSelect } from '@/components/organization-select';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import { useTableState } from '@/hooks/use-table-state';
import { useCan } from '@/lib/auth';
import { shanghaiToday } from '@/lib/dates';

/** Holiday visit lists: build one for a holiday, open it, add martyrs' families and record each visit. */
export function VisitsPage() {
  const { t } = useTranslation();
  const canWrite = useCan('funds.write');
  const client = useQueryClient();
  const table = useTableState('-occasionOn');
  const lists = useVisitLists(table.query);
  const [building, setBuilding] = useState(false);
  const [open, setOpen] = useState<VisitList>();
  const refresh = () => client.invalidateQueries({ queryKey: ['assistance', 'care'] });

  if (open) {
    return <VisitListView list={open} onBack={() => setOpen(undefined)} />;
  }
  return (
    <Card
      title={<PageHeading>{t('assistanceCare.visits.title')}</PageHeading>}
      extra={
        canWrite && (
          <Button type="primary" onClick={() => setBuilding(true)}>
            {t('assistanceCare.visits.build')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('assistanceCare.visits.intro')}</Typography.Paragraph>
      <QueryView query={lists}>
        <Table<VisitList>
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          loading={lists.isFetching}
          dataSource={lists.data?.items}
          pagination={table.pagination(lists.data?.total)}
          onChange={table.onChange}
          columns={[
            { title: t('assistanceCare.visits.organization'), dataIndex: 'organizationName', key: 'org' },
            {
              title: t('assistanceCare.visits.occasion'),
              key: 'occasion',
              render: (_, l) => `${l.year} ${t(`assistanceCare.visits.occasions.${l.occasion}`)}`,
            },
            {
              title: t('assistanceCare.visits.occasionOn'),
              dataIndex: 'occasionOn',
              key: 'occasionOn',
              ...table.sortable('occasionOn'),
            },
            {
              title: t('assistanceCare.visits.window'),
              key: 'window',
              render: (_, l) => `${l.windowOpensOn} ~ ${l.occasionOn}`,
            },
            {
              title: t('assistanceCare.visits.progress'),
              key: 'progress',
              render: (_, l) => (
                <Space>
                  <Progress
                    type="circle"
                    size={28}
                    percent={l.total ? Math.round((l.visited / l.total) * 100) : 0}
                    aria-label={`${l.visited}/${l.total}`}
                  />
                  {`${l.visited}/${l.total}`}
                </Space>
              ),
            },
            {
              title: t('assistanceCare.visits.money'),
              key: 'money',
              align: 'right',
              render: (_, l) => yuan(l.moneyGiven),
            },
            {
              title: '',
              key: 'open',
              render: (_, l) => (
                <Button size="small" onClick={() => setOpen(l)}>
                  {t('assistanceCare.visits.open')}
                </Button>
              ),
            },
          ]}
        />
      </QueryView>
      {building && (
        <FormModal<BuildVisitListInput>
          title={t('assistanceCare.visits.build')}
          fields={['organizationId', 'occasion', 'year']}
          initialValues={{ occasion: 'SpringFestival', year: Number(shanghaiToday().slice(0, 4)) }}
          onSubmit={async (values) => {
            const list = await buildVisitList(values);
            await refresh();
            setOpen(list);
          }}
          onClose={() => setBuilding(false)}
        >
          <Form.Item name="organizationId" label={t('assistanceCare.visits.organization')} required>
            <OrganizationSelect />
          </Form.Item>
          <Form.Item name="occasion" label={t('assistanceCare.visits.occasion')} required>
            <Select
              options={(['SpringFestival', 'PartyAnniversary'] as const).map((o) => ({
                value: o,
                label: t(`assistanceCare.visits.occasions.${o}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="year" label={t('assistanceCare.visits.year')} required>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}

/** One list: its people with their reasons, and the visit of each once recorded. */
function VisitListView({ list, onBack }: { list: VisitList; onBack: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const canWrite = useCan('funds.write');
  const client = useQueryClient();
  const table = useTableState('organization');
  const visits = useVisits(list.id, table.query);
  const [recording, setRecording] = useState<Visit>();
  const [adding, setAdding] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: ['assistance', 'care'] });
  const title = `${list.organizationName} ${list.year} ${t(`assistanceCare.visits.occasions.${list.occasion}`)}`;

  return (
    <Card
      title={<PageHeading>{title}</PageHeading>}
      extra={
        <Space wrap>
          <Button onClick={onBack}>{t('assistanceCare.visits.back')}</Button>
          {canWrite && <Button onClick={() => setAdding(true)}>{t('assistanceCare.visits.addMartyr')}</Button>}
          <ExportButtons onExport={(format) => exportVisits(list.id, table.query.sort, format)} />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('assistanceCare.visits.window')}: {list.windowOpensOn} ~ {list.occasionOn}
      </Typography.Paragraph>
      <QueryView query={visits}>
        <Table<Visit>
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          loading={visits.isFetching}
          dataSource={visits.data?.items}
          pagination={table.pagination(visits.data?.total)}
          onChange={table.onChange}
          columns={[
            { title: t('assistanceCare.visits.name'), dataIndex: 'name', key: 'name', ...table.sortable('name') },
            {
              title: t('assistanceCare.visits.reasons'),
              key: 'reasons',
              render: (_, v) => (
                <Space size={4} wrap>
                  {v.reasons.map((r) => (
                    <Tag key={r}>{t(`assistanceCare.visits.reasonNames.${r}`)}</Tag>
                  ))}
                  {v.relation}
                </Space>
              ),
            },
            { title: t('assistanceCare.visits.age'), dataIndex: 'age', key: 'age', ...table.sortable('age') },
            { title: t('assistanceCare.visits.standing'), dataIndex: 'standingYears', key: 'standing' },
            {
              title: t('assistanceCare.visits.status'),
              key: 'status',
              render: (_, v) =>
                v.overdue ? (
                  <Tag color="red">{t('assistanceCare.visits.overdue')}</Tag>
                ) : (
                  <Tag color={v.status === 'Visited' ? 'green' : 'blue'}>
                    {t(`assistanceCare.visits.statuses.${v.status}`)}
                  </Tag>
                ),
            },
            {
              title: t('assistanceCare.visits.visitedOn'),
              dataIndex: 'visitedOn',
              key: 'visitedOn',
              ...table.sortable('visitedOn'),
            },
            { title: t('assistanceCare.visits.visitors'), dataIndex: 'visitors', key: 'visitors' },
            {
              title: t('assistanceCare.visits.money'),
              key: 'money',
              align: 'right',
              render: (_, v) => (Number(v.money) > 0 ? yuan(v.money) : ''),
            },
            {
              title: t('assistanceCare.visits.goods'),
              key: 'goods',
              render: (_, v) => (v.goods ? `${v.goods}（${yuan(v.goodsValue)}）` : ''),
            },
            {
              title: '',
              key: 'actions',
              render: (_, v) =>
                canWrite &&
                v.status === 'Due' && (
                  <Button size="small" type="primary" onClick={() => setRecording(v)}>
                    {t('assistanceCare.visits.record')}
                  </Button>
                ),
            },
          ]}
        />
      </QueryView>
      {recording && (
        <FormModal<RecordVisitInput>
          title={`${t('assistanceCare.visits.record')}：${recording.name}`}
          fields={['visitedOn', 'visitors', 'money', 'fundId', 'reference', 'goods', 'goodsValue', 'note']}
          initialValues={{ visitedOn: shanghaiToday() }}
          onSubmit={async (values) => {
            await recordVisit(recording, values);
            void message.success(t('assistanceCare.visits.recorded'));
            await refresh();
          }}
          onReload={() => void refresh()}
          onClose={() => setRecording(undefined)}
        >
          <Form.Item name="visitedOn" label={t('assistanceCare.visits.visitedOn')} required>
            <DateField max={shanghaiToday()} />
          </Form.Item>
          <Form.Item name="visitors" label={t('assistanceCare.visits.visitors')} required>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="money" label={t('assistanceCare.visits.money')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="fundId" label={t('assistanceCare.visits.fund')}>
            <FundSelect aria-label={t('assistanceCare.visits.fund')} />
          </Form.Item>
          <Form.Item name="reference" label={t('assistanceCare.visits.reference')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="goods" label={t('assistanceCare.visits.goods')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="goodsValue" label={t('assistanceCare.visits.goodsValue')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('assistanceCare.visits.note')}>
            <Input.TextArea maxLength={500} />
          </Form.Item>
        </FormModal>
      )}
      {adding && (
        <FormModal<AddVisiteeInput>
          title={t('assistanceCare.visits.addMartyr')}
          fields={['name', 'relation']}
          onSubmit={async (values) => {
            await addVisitee(list.id, values);
            await refresh();
          }}
          onClose={() => setAdding(false)}
        >
          <Form.Item name="name" label={t('assistanceCare.visits.name')} required>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="relation" label={t('assistanceCare.visits.relation')} required>
            <Input maxLength={100} placeholder="烈士王某之母" />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}

export default VisitsPage;
