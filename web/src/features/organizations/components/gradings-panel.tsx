import { Button, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import {
  recordGrading,
  reviseGrading,
  useGradings,
  useLaggingReport,
  type Grading,
  type GradingMovement,
  type RecordGradingInput,
} from '@/features/organizations/api/gradings';
import { useSubtreeStatistics } from '@/features/organizations/api/statistics';
import { FormModal } from '@/components/form-modal';
import { useTableState } from '@/hooks/use-table-state';
import { shanghaiYear } from '@/lib/dates';
import { DateField } from '@/components/date-field';
import { QueryView } from '@/components/query-view';

const movements: GradingMovement[] = ['Upgraded', 'Unchanged', 'Downgraded', 'New', 'NotGraded'];
const movementColor: Record<GradingMovement, string> = {
  Upgraded: 'green',
  Unchanged: 'default',
  Downgraded: 'red',
  New: 'blue',
  NotGraded: 'orange',
};

interface Props {
  organizationId: string;
  canWrite: boolean;
}

/**
 * A year's grading per organization: the history here, the form to record or revise, and the subtree's lagging list.
 */
export function GradingsPanel({ organizationId, canWrite }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const table = useTableState('-year', 10);
  const gradings = useGradings(organizationId, table.query);
  const [editing, setEditing] = useState<Grading | 'new'>();
  // The level set is the region's: the statistics list every level with its name, best first.
  const levels = useSubtreeStatistics(organizationId).data?.byGradingLevel ?? [];

  const refresh = () => client.invalidateQueries({ queryKey: ['organizations', organizationId] });

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('gradings.history')}
        </Typography.Title>
        {canWrite && <Button onClick={() => setEditing('new')}>{t('gradings.record')}</Button>}
      </Space>
      <QueryView query={gradings}>
        <Table<Grading>
          rowKey="id"
          size="small"
          loading={gradings.isFetching}
          dataSource={gradings.data?.items}
          pagination={table.pagination(gradings.data?.total)}
          onChange={table.onChange}
          columns={[
            { title: t('gradings.year'), dataIndex: 'year', key: 'year', ...table.sortable('year') },
            {
              title: t('gradings.level'),
              key: 'level',
              ...table.sortable('level'),
              render: (_, g) => <Tag color={g.lagging ? 'red' : 'green'}>{g.levelName}</Tag>,
            },
            {
              title: t('gradings.score'),
              dataIndex: 'score',
              key: 'score',
              ...table.sortable('score'),
              render: (score: number | null, g) =>
                score === null ? '—' : `${score}${g.stars ? ` · ${'★'.repeat(g.stars)}` : ''}`,
            },
            {
              title: t('gradings.comment'),
              dataIndex: 'comment',
              key: 'comment',
              render: (c: string | null) => c ?? '—',
            },
            { title: t('gradings.gradedOn'), dataIndex: 'gradedOn', key: 'gradedOn' },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'actions',
                    render: (_: unknown, g: Grading) => (
                      <Button size="small" onClick={() => setEditing(g)}>
                        {t('actions.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </QueryView>
      <LaggingList organizationId={organizationId} />
      {editing && (
        <FormModal<RecordGradingInput>
          title={editing === 'new' ? t('gradings.record') : t('gradings.revise', { year: editing.year })}
          fields={['year', 'level', 'score', 'comment', 'gradedOn']}
          initialValues={
            editing === 'new'
              ? { year: shanghaiYear() - 1 }
              : {
                  year: editing.year,
                  level: editing.level,
                  score: editing.score,
                  comment: editing.comment,
                  gradedOn: editing.gradedOn,
                }
          }
          onSubmit={async (values) => {
            if (editing === 'new') {
              await recordGrading(organizationId, values);
            } else {
              const { year: _year, ...revision } = values;
              void _year;
              await reviseGrading(organizationId, editing.year, editing.version, revision);
            }
            await refresh();
          }}
          onReload={() => void refresh()}
          onClose={() => setEditing(undefined)}
        >
          <Form.Item label={t('gradings.year')} name="year">
            <InputNumber disabled={editing !== 'new'} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('gradings.level')} name="level">
            <Select options={levels.map((l) => ({ value: l.code, label: l.name }))} />
          </Form.Item>
          <Form.Item label={t('gradings.score')} name="score">
            <InputNumber min={0} max={100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('gradings.comment')} name="comment">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label={t('gradings.gradedOn')} name="gradedOn">
            <DateField />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

/** The lagging organizations of a year in the subtree, and how each moved against the year before. */
function LaggingList({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(shanghaiYear() - 1);
  const [movement, setMovement] = useState<GradingMovement>();
  const table = useTableState('name', 10);
  const report = useLaggingReport(organizationId, year, movement, table.query);
  const data = report.data;
  const levelNames = new Map(
    (useSubtreeStatistics(organizationId).data?.byGradingLevel ?? []).map((l) => [l.code, l.name]),
  );
  const levelName = (code: string | null) => (code === null ? '—' : (levelNames.get(code) ?? code));
  return (
    <>
      <Space wrap style={{ margin: '16px 0 12px' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('gradings.lagging')}
        </Typography.Title>
        <InputNumber
          aria-label={t('gradings.year')}
          value={year}
          onChange={(value) => {
            if (value) {
              setYear(value);
              table.reset();
            }
          }}
        />
        <Select
          aria-label={t('gradings.movement')}
          allowClear
          placeholder={t('gradings.movement')}
          style={{ width: 160 }}
          value={movement}
          onChange={(value) => {
            setMovement(value);
            table.reset();
          }}
          options={movements.map((m) => ({ value: m, label: t(`movement.${m}`) }))}
        />
        {data && (
          <Typography.Text type="secondary">
            {t('gradings.laggingSummary', {
              thisYear: data.laggingThisYear,
              lastYear: data.laggingLastYear,
              upgraded: data.upgradedSinceLastYear,
            })}
          </Typography.Text>
        )}
      </Space>
      <QueryView query={report}>
        <Table
          rowKey="organizationId"
          size="small"
          loading={report.isFetching}
          dataSource={data?.items}
          pagination={table.pagination(data?.total)}
          onChange={table.onChange}
          columns={[
            { title: t('form.name'), dataIndex: 'name', key: 'name', ...table.sortable('name') },
            {
              title: t('gradings.level'),
              dataIndex: 'level',
              key: 'level',
              ...table.sortable('level'),
              render: levelName,
            },
            {
              title: t('gradings.previousLevel'),
              dataIndex: 'previousLevel',
              key: 'previousLevel',
              ...table.sortable('previousLevel'),
              render: levelName,
            },
            {
              title: t('gradings.movement'),
              dataIndex: 'movement',
              key: 'movement',
              ...table.sortable('movement'),
              render: (m: GradingMovement) => <Tag color={movementColor[m]}>{t(`movement.${m}`)}</Tag>,
            },
          ]}
        />
      </QueryView>
    </>
  );
}
