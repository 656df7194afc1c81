import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Form, Input, InputNumber, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  exportMemberList,
  recordMedal,
  useMemberList,
  type ListFilter,
  type MemberListKind,
  type MemberOnList,
  type RecordMedalInput,
} from '@/features/members/api/yearly-lists';
import { FormModal } from '@/components/form-modal';
import { useCan } from '@/lib/auth';
import { ExportButtons } from '@/components/export-buttons';
import { OrganizationSelect } from '@/components/organization-select';
import { useTableState } from '@/hooks/use-table-state';
import { shanghaiYear } from '@/lib/dates';
import { QueryView } from '@/components/query-view';

const kinds: MemberListKind[] = ['PoliticalBirthdays', 'MedalCandidates', 'LostContact', 'ExpiringProbations'];

/** One yearly list: its filters, the table, and printing (the page prints without the menus). */
function MemberListTable({ kind }: { kind: MemberListKind }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const canWrite = useCan('members.write');
  const [giving, setGiving] = useState<MemberOnList>();
  const table = useTableState(undefined, 50);
  const [filter, setFilter] = useState<ListFilter>({
    month: new Date().getMonth() + 1,
    year: kind === 'MedalCandidates' ? shanghaiYear() : undefined,
    withinDays: 30,
  });
  const list = useMemberList(kind, filter, table.query);
  const change = (part: Partial<ListFilter>) => {
    setFilter((current) => ({ ...current, ...part }));
    table.reset();
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }} className="no-print">
        <div className="filter-field" style={{ width: 380 }}>
          <OrganizationSelect
            aria-label={t('members.organization')}
            value={filter.organizationId}
            onChange={(value) => change({ organizationId: (value as string) || undefined })}
          />
        </div>
        {kind === 'PoliticalBirthdays' && (
          <InputNumber
            aria-label={t('lists.month')}
            addonBefore={t('lists.month')}
            min={1}
            max={12}
            value={filter.month}
            onChange={(month) => month && change({ month })}
          />
        )}
        {kind === 'MedalCandidates' && (
          <InputNumber
            aria-label={t('lists.year')}
            addonBefore={t('lists.year')}
            min={1971}
            max={9998}
            value={filter.year}
            onChange={(year) => year && change({ year })}
          />
        )}
        {kind === 'ExpiringProbations' && (
          <InputNumber
            aria-label={t('lists.withinDays')}
            addonBefore={t('lists.withinDays')}
            min={0}
            max={366}
            value={filter.withinDays}
            onChange={(withinDays) => withinDays !== null && change({ withinDays })}
          />
        )}
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('lists.print')}
        </Button>
        <ExportButtons onExport={(format) => exportMemberList(kind, filter, format)} />
      </Space>
      <Typography.Title level={4} className="print-only">
        {t(`lists.kinds.${kind}`)}
      </Typography.Title>
      {list.data?.note && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t(`lists.notes.${list.data.note.code}`, { defaultValue: list.data.note.text })}
        />
      )}
      {kind === 'MedalCandidates' && (
        <Typography.Paragraph type="secondary">{t('lists.medalNote')}</Typography.Paragraph>
      )}
      <QueryView query={list}>
        <Table<MemberOnList>
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items}
          pagination={table.pagination(list.data?.total)}
          onChange={table.onChange}
          columns={[
            { title: t('members.name'), dataIndex: 'name', key: 'name' },
            {
              title: t('members.gender'),
              dataIndex: 'gender',
              key: 'gender',
              render: (g: MemberOnList['gender']) => t(`members.genders.${g}`),
            },
            { title: t('members.age'), dataIndex: 'age', key: 'age' },
            { title: t('members.organization'), dataIndex: 'organizationName', key: 'organizationName' },
            {
              title: t('members.stage'),
              dataIndex: 'stage',
              key: 'stage',
              render: (s: MemberOnList['stage']) => t(`members.stages.${s}`),
            },
            {
              title: t(`lists.dateOf.${kind}`),
              dataIndex: 'date',
              key: 'date',
              render: (d: string | null) => d ?? '—',
            },
            ...(kind === 'PoliticalBirthdays' || kind === 'MedalCandidates'
              ? [
                  {
                    title: t('lists.years'),
                    dataIndex: 'years',
                    key: 'years',
                    render: (y: number | null) => (y === null ? '—' : t('lists.yearsValue', { count: y })),
                  },
                ]
              : []),
            ...(kind === 'MedalCandidates'
              ? [
                  {
                    title: t('lists.medal'),
                    key: 'medal',
                    render: (_: unknown, m: MemberOnList) => (
                      <Space wrap size={4}>
                        {m.newlyEligible && <Tag color="red">{t('lists.newlyEligible')}</Tag>}
                        {m.medalYear ? (
                          <Tag color="gold">{t('lists.medalGiven', { year: m.medalYear, by: m.medalAwardedBy })}</Tag>
                        ) : (
                          canWrite && (
                            <Button size="small" className="no-print" onClick={() => setGiving(m)}>
                              {t('lists.giveMedal')}
                            </Button>
                          )
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </QueryView>
      {giving && (
        <FormModal<RecordMedalInput>
          title={`${t('lists.giveMedalTitle')} · ${giving.name}`}
          fields={['year', 'awardedBy']}
          initialValues={{ year: filter.year ?? shanghaiYear() }}
          okText={t('lists.giveMedal')}
          onSubmit={async (values) => {
            await recordMedal(giving, values);
            await list.refetch();
            void message.success(t('lists.medalRecorded'));
          }}
          onReload={() => void list.refetch()}
          onClose={() => setGiving(undefined)}
        >
          <Form.Item label={t('lists.medalYear')} name="year" required>
            <InputNumber aria-label={t('lists.medalYear')} min={2021} max={9998} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('lists.medalAwardedBy')} name="awardedBy" required extra={t('lists.medalAwardedByHint')}>
            <Input aria-label={t('lists.medalAwardedBy')} maxLength={100} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}

/** The lists departments print every year, one tab each. */
export function MemberLists() {
  const { t } = useTranslation();
  return (
    <Tabs
      destroyOnHidden
      items={kinds.map((kind) => ({
        key: kind,
        label: t(`lists.kinds.${kind}`),
        children: <MemberListTable kind={kind} />,
      }))}
    />
  );
}
