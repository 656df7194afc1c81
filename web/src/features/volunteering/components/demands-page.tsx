import {
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  demandsKey,
  exportDemands,
  placeDemand,
  revealRequester,
  stepRoutes,
  useDemand,
  useDemandBoard,
  useDemands,
  type Demand,
  type DemandState,
  type DemandStep,
  type PlaceDemandInput,
} from '@/features/volunteering/api/demands';
import { DemandStepForm } from '@/features/volunteering/components/demand-step-form';
import { DateField } from '@/components/date-field';
import { ExportButtons } from '@/components/export-buttons';
import { FormModal } from '@/components/form-modal';
import { OrganizationSelect } from '@/components/organization-select';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import { useCan } from '@/lib/auth';
import { shanghaiToday } from '@/lib/dates';

const boardStates: DemandState[] = ['Submitted', 'Accepted', 'Open', 'Assigned', 'InService', 'Completed', 'Rated'];

/** The deadline of the step the demand waits for, coloured: red when late, orange on the day, green before. */
export function DeadlineTag({ demand }: { demand: Demand }) {
  const { t } = useTranslation();
  if (demand.daysLate) {
    return <Tag color="red">{t('volunteering.demands.daysLate', { count: demand.daysLate })}</Tag>;
  }
  if (!demand.dueOn) {
    return null;
  }
  return demand.dueOn === shanghaiToday() ? (
    <Tag color="orange">{t('volunteering.demands.dueToday')}</Tag>
  ) : (
    <Tag color="green">{demand.dueOn}</Tag>
  );
}

/** 群众点单: the board by state, the overdue list for the level above, a drawer per demand with its steps. */
export function DemandsPage() {
  const { t } = useTranslation();
  const canWrite = useCan('volunteering.write');
  const [open, setOpen] = useState<string>();
  const [placing, setPlacing] = useState(false);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <PageHeading>{t('volunteering.demands.title')}</PageHeading>
        {canWrite && (
          <Button type="primary" onClick={() => setPlacing(true)}>
            {t('volunteering.demands.place')}
          </Button>
        )}
      </Space>
      <Tabs
        items={[
          { key: 'board', label: t('volunteering.demands.board'), children: <Board onOpen={setOpen} /> },
          { key: 'overdue', label: t('volunteering.demands.overdue'), children: <OverdueList onOpen={setOpen} /> },
        ]}
      />
      {open && <DemandDrawer id={open} onClose={() => setOpen(undefined)} />}
      {placing && <PlaceDemandForm onClose={() => setPlacing(false)} onPlaced={setOpen} />}
    </>
  );
}

// A column shows its newest few: the finished ones would otherwise stretch the page over hundreds of cards.
const cardsPerColumn = 8;

function Board({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const board = useDemandBoard();
  const [expanded, setExpanded] = useState<DemandState[]>([]);
  const demands = useDemands({});
  const items = demands.data?.items ?? [];
  return (
    <QueryView query={demands}>
      <QueryView query={board}>
        <div className="demand-board" style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }}>
          {boardStates.map((state) => {
            const column = board.data?.columns.find((c) => c.state === state);
            const inState = items.filter((d) => d.state === state);
            const open = expanded.includes(state);
            const shown = open ? inState : inState.slice(0, cardsPerColumn);
            return (
              <Card
                key={state}
                size="small"
                style={{ minWidth: 220, flex: '1 0 220px' }}
                title={`${t(`volunteering.demands.states.${state}`)} · ${column?.count ?? 0}`}
                extra={column?.overdue ? <Tag color="red">{column.overdue}</Tag> : undefined}
              >
                {inState.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('volunteering.demands.empty')} />
                ) : (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {shown.map((demand) => (
                      <Card
                        key={demand.id}
                        size="small"
                        hoverable
                        role="button"
                        tabIndex={0}
                        aria-label={`${demand.category} ${demand.description}`}
                        onClick={() => onOpen(demand.id)}
                        onKeyDown={(event) => event.key === 'Enter' && onOpen(demand.id)}
                      >
                        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                          <Space wrap>
                            <strong>{demand.category}</strong>
                            {demand.urgency === 'Urgent' && (
                              <Tag color="volcano">{t('volunteering.demands.urgencies.Urgent')}</Tag>
                            )}
                            <DeadlineTag demand={demand} />
                          </Space>
                          <span style={{ overflowWrap: 'anywhere' }}>{demand.description}</span>
                          <span style={{ color: '#888' }}>
                            {demand.organizationName} · {demand.requesterName}
                          </span>
                        </Space>
                      </Card>
                    ))}
                    {inState.length > cardsPerColumn && (
                      <Button
                        type="link"
                        style={{ padding: 0 }}
                        onClick={() => setExpanded((now) => (open ? now.filter((s) => s !== state) : [...now, state]))}
                      >
                        {open
                          ? t('volunteering.demands.showLess')
                          : t('volunteering.demands.showMore', { count: inState.length - cardsPerColumn })}
                      </Button>
                    )}
                  </Space>
                )}
              </Card>
            );
          })}
        </div>
      </QueryView>
    </QueryView>
  );
}

function OverdueList({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const overdue = useDemands({ overdue: true });
  return (
    <QueryView query={overdue}>
      <Space style={{ marginBottom: 12 }} wrap>
        <span>{t('volunteering.demands.totalOverdue', { count: overdue.data?.total ?? 0 })}</span>
        <ExportButtons onExport={(format) => exportDemands({ overdue: true }, format)} />
      </Space>
      <Table<Demand>
        rowKey="id"
        size="small"
        loading={overdue.isLoading}
        dataSource={overdue.data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(demand) => ({ onClick: () => onOpen(demand.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('volunteering.demands.organization'), dataIndex: 'organizationName' },
          { title: t('volunteering.demands.category'), dataIndex: 'category' },
          { title: t('volunteering.demands.description'), dataIndex: 'description', ellipsis: true },
          {
            title: t('volunteering.demands.state'),
            render: (_, d) => t(`volunteering.demands.states.${d.state}`),
          },
          { title: t('volunteering.demands.deadlines'), dataIndex: 'dueOn' },
          { title: '', render: (_, d) => <DeadlineTag demand={d} /> },
        ]}
      />
    </QueryView>
  );
}

function DemandDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const canWrite = useCan('volunteering.write');
  const canReveal = useCan('volunteering.reveal-pii');
  const client = useQueryClient();
  const demand = useDemand(id);
  const [step, setStep] = useState<DemandStep>();
  const [revealing, setRevealing] = useState(false);
  const [revealed, setRevealed] = useState<string>();
  const d = demand.data;
  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      title={d ? `${d.category} · ${t(`volunteering.demands.states.${d.state}`)}` : ''}
    >
      <QueryView query={demand}>
        {d && (
          <>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('volunteering.demands.description')}>{d.description}</Descriptions.Item>
              <Descriptions.Item label={t('volunteering.demands.organization')}>{d.organizationName}</Descriptions.Item>
              <Descriptions.Item label={t('volunteering.demands.requesterName')}>
                <Space wrap>
                  {d.requesterName} {d.requesterPhone}
                  {revealed && <Tag color="blue">{revealed}</Tag>}
                  {canReveal && !revealed && (
                    <Button size="small" onClick={() => setRevealing(true)}>
                      {t('volunteering.demands.reveal')}
                    </Button>
                  )}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('volunteering.demands.urgency')}>
                {t(`volunteering.demands.urgencies.${d.urgency}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('volunteering.demands.acceptBy')}>{d.deadlines.acceptBy}</Descriptions.Item>
              <Descriptions.Item label={t('volunteering.demands.assignBy')}>
                {d.deadlines.assignBy ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('volunteering.demands.completeBy')}>
                {d.deadlines.completeBy ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('volunteering.demands.state')}>
                <Space>
                  {t(`volunteering.demands.states.${d.state}`)}
                  <DeadlineTag demand={d} />
                </Space>
              </Descriptions.Item>
              {d.claimant && (
                <Descriptions.Item label={t('volunteering.demands.claimant')}>
                  {d.claimant.name}（{t(`volunteering.demands.kinds.${d.claimant.kind}`)}）
                </Descriptions.Item>
              )}
              {d.serviceHours != null && (
                <Descriptions.Item label={t('volunteering.demands.serviceHours')}>{d.serviceHours}</Descriptions.Item>
              )}
              {d.stars != null && (
                <Descriptions.Item label={t('volunteering.demands.rating')}>
                  {'★'.repeat(d.stars)} {d.ratingComment}
                </Descriptions.Item>
              )}
              {d.reason && <Descriptions.Item label={t('volunteering.demands.reason')}>{d.reason}</Descriptions.Item>}
            </Descriptions>
            {canWrite && d.allowedSteps.length > 0 && (
              <Space wrap style={{ margin: '16px 0' }} aria-label={t('volunteering.demands.steps')}>
                {d.allowedSteps
                  .filter((s) => stepRoutes[s])
                  .map((s) => (
                    <Button key={s} type={s === d.allowedSteps[0] ? 'primary' : 'default'} onClick={() => setStep(s)}>
                      {t(`volunteering.demands.stepNames.${s}`)}
                    </Button>
                  ))}
              </Space>
            )}
            <h2 style={{ fontSize: 16 }}>{t('volunteering.demands.timeline')}</h2>
            <Timeline
              items={(d.steps ?? []).map((s) => ({
                content: (
                  <>
                    <strong>{t(`volunteering.demands.stepNames.${s.step}`)}</strong>
                    <div style={{ color: '#888' }}>
                      {t('volunteering.demands.by', {
                        // The stale-claim sweep runs as the system, not as a user.
                        who: s.recordedBy === 'system' ? t('volunteerStats.system') : (s.recordedBy ?? ''),
                        at: new Date(s.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
                      })}
                    </div>
                    {s.note && <div>{s.note}</div>}
                  </>
                ),
              }))}
            />
            {step && (
              <DemandStepForm
                demand={d}
                step={step}
                onClose={() => setStep(undefined)}
                onDone={(updated) => client.setQueryData([...demandsKey, 'one', id], updated)}
              />
            )}
            {revealing && (
              <FormModal<{ reason: string }>
                title={t('volunteering.demands.reveal')}
                fields={['reason']}
                onSubmit={async ({ reason }) => {
                  const name = await revealRequester(d.id, 'RequesterName', reason);
                  const phone = await revealRequester(d.id, 'RequesterPhone', reason);
                  setRevealed(`${name.value} ${phone.value}`);
                }}
                onClose={() => setRevealing(false)}
              >
                <Form.Item name="reason" label={t('volunteering.demands.revealReason')} required>
                  <Input maxLength={200} />
                </Form.Item>
              </FormModal>
            )}
          </>
        )}
      </QueryView>
    </Drawer>
  );
}

function PlaceDemandForm({ onClose, onPlaced }: { onClose: () => void; onPlaced: (id: string) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <FormModal<PlaceDemandInput>
      title={t('volunteering.demands.place')}
      okText={t('volunteering.demands.place')}
      fields={['organizationId', 'category', 'description', 'requesterName', 'requesterPhone', 'urgency', 'wishedOn']}
      initialValues={{ urgency: 'Normal' }}
      onSubmit={async (values) => {
        const placed = await placeDemand(values);
        await client.invalidateQueries({ queryKey: demandsKey });
        onPlaced(placed.id);
      }}
      onClose={onClose}
    >
      <Form.Item name="organizationId" label={t('volunteering.demands.organization')} required>
        <OrganizationSelect />
      </Form.Item>
      <Form.Item name="category" label={t('volunteering.demands.category')} required>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="description" label={t('volunteering.demands.description')} required>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="requesterName" label={t('volunteering.demands.requesterName')} required>
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item name="requesterPhone" label={t('volunteering.demands.requesterPhone')} required>
        <Input maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item name="urgency" label={t('volunteering.demands.urgency')}>
        <Select
          options={(['Normal', 'Urgent'] as const).map((u) => ({
            value: u,
            label: t(`volunteering.demands.urgencies.${u}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="wishedOn" label={t('volunteering.demands.wishedOn')}>
        <DateField />
      </Form.Item>
    </FormModal>
  );
}

export default DemandsPage;
