import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  categories,
  createMember,
  exportMembers,
  stages,
  statuses,
  useMembers,
  type MemberFilter,
  type MemberListItem,
} from '@/features/members/api/members';
import { ImportWizard } from '@/features/members/components/import-wizard';
import { CommunityReportsPanel } from '@/features/members/components/community-reports-panel';
import { MemberDrawer } from '@/features/members/components/member-drawer';
import { MemberForm } from '@/features/members/components/member-form';
import { MemberLists } from '@/features/members/components/member-lists';
import { MeetingsPanel } from '@/features/members/components/meetings-panel';
import { MemberStatisticsPanel } from '@/features/members/components/member-statistics';
import { PipelineBoard } from '@/features/members/components/pipeline-board';
import { TransfersPanel } from '@/features/members/components/transfers-panel';
import { ExportButtons } from '@/components/export-buttons';
import { FormModal } from '@/components/form-modal';
import { PageHeading } from '@/components/page-heading';
import { OrganizationSelect } from '@/components/organization-select';
import { useTableState } from '@/hooks/use-table-state';
import { useReturnFocus } from '@/hooks/use-return-focus';
import { useUrlFilter, useUrlTab } from '@/hooks/use-url-state';
import { useCan } from '@/lib/auth';
import type { SpreadsheetFormat } from '@/lib/download';
import { QueryView } from '@/components/query-view';

const tabs = ['register', 'board', 'transfers', 'communityReports', 'meetings', 'lists', 'stats'] as const;

const filterKinds = {
  q: 'string',
  organizationId: 'string',
  includeDescendants: 'boolean',
  stage: 'string',
  category: 'string',
  status: 'string',
  ageFrom: 'number',
  ageTo: 'number',
  joinYear: 'number',
  inHardship: 'boolean',
} as const;

/** The member register: filters on the server, masked ID numbers, a drawer per member. */
export function MembersPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canWrite = useCan('members.write');
  const canReveal = useCan('members.reveal-pii');
  const table = useTableState('name');
  const [filter, setFilter] = useUrlFilter<MemberFilter>({ includeDescendants: true, status: 'Active' }, filterKinds);
  const [tab, setTab] = useUrlTab(tabs, 'jiceng.members.tab');
  const members = useMembers(filter, table.query);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exportingWhole, setExportingWhole] = useState(false);
  const { message } = App.useApp();
  const [shown, setShownState] = useState<string>();
  // The drawer goes with its content when closed, so focus is given back to what opened it here.
  const opener = useReturnFocus();
  const setShown = (id: string) => {
    opener.capture();
    setShownState(id);
  };
  const refresh = () => client.invalidateQueries({ queryKey: ['members'] });

  function change(part: Partial<MemberFilter>) {
    setFilter(part);
    table.reset();
  }

  return (
    <Card
      title={<PageHeading>{t('members.title')}</PageHeading>}
      extra={
        <Space className="no-print">
          <ExportButtons onExport={(format) => exportMembers(filter, table.query.sort, format)}>
            {canReveal && <Button onClick={() => setExportingWhole(true)}>{t('members.exportWhole')}</Button>}
          </ExportButtons>
          {canWrite && <Button onClick={() => setImporting(true)}>{t('members.import')}</Button>}
          {canWrite && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('members.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Tabs
        destroyOnHidden
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'register',
            label: t('members.tabs.register'),
            children: (
              <>
                <Space wrap style={{ marginBottom: 12 }}>
                  <Input.Search
                    aria-label={t('members.searchName')}
                    placeholder={t('members.searchName')}
                    allowClear
                    style={{ width: 180 }}
                    defaultValue={filter.q}
                    onSearch={(q) => change({ q: q || undefined })}
                  />
                  <div className="filter-field" style={{ width: 380 }}>
                    <OrganizationSelect
                      aria-label={t('members.organization')}
                      value={filter.organizationId}
                      onChange={(value) => change({ organizationId: (value as string) || undefined })}
                    />
                  </div>
                  <Checkbox
                    checked={filter.includeDescendants}
                    onChange={(e) => change({ includeDescendants: e.target.checked })}
                  >
                    {t('members.includeDescendants')}
                  </Checkbox>
                  <Checkbox
                    checked={filter.inHardship ?? false}
                    onChange={(e) => change({ inHardship: e.target.checked || undefined })}
                  >
                    {t('members.inHardship')}
                  </Checkbox>
                  <Select
                    aria-label={t('members.stage')}
                    placeholder={t('members.stage')}
                    allowClear
                    style={{ width: 130 }}
                    value={filter.stage}
                    onChange={(stage) => change({ stage })}
                    options={stages.map((s) => ({ value: s, label: t(`members.stages.${s}`) }))}
                  />
                  <Select
                    aria-label={t('members.category')}
                    placeholder={t('members.category')}
                    allowClear
                    style={{ width: 120 }}
                    value={filter.category}
                    onChange={(category) => change({ category })}
                    options={categories.map((c) => ({ value: c, label: t(`members.categories.${c}`) }))}
                  />
                  <Select
                    aria-label={t('members.status')}
                    placeholder={t('members.status')}
                    allowClear
                    style={{ width: 120 }}
                    value={filter.status}
                    onChange={(status) => change({ status })}
                    options={statuses.map((s) => ({ value: s, label: t(`members.statuses.${s}`) }))}
                  />
                  <Space.Compact>
                    <InputNumber
                      aria-label={t('members.ageFrom')}
                      placeholder={t('members.ageFrom')}
                      min={0}
                      max={150}
                      style={{ width: 100 }}
                      value={filter.ageFrom}
                      onChange={(v) => change({ ageFrom: v ?? undefined })}
                    />
                    <InputNumber
                      aria-label={t('members.ageTo')}
                      placeholder={t('members.ageTo')}
                      min={0}
                      max={150}
                      style={{ width: 100 }}
                      value={filter.ageTo}
                      onChange={(v) => change({ ageTo: v ?? undefined })}
                    />
                  </Space.Compact>
                  <InputNumber
                    aria-label={t('members.joinYear')}
                    placeholder={t('members.joinYear')}
                    min={1921}
                    max={9998}
                    style={{ width: 120 }}
                    value={filter.joinYear}
                    onChange={(v) => change({ joinYear: v ?? undefined })}
                  />
                </Space>
                <QueryView query={members}>
                  <Table<MemberListItem>
                    rowKey="id"
                    size="small"
                    loading={members.isFetching}
                    dataSource={members.data?.items}
                    pagination={table.pagination(members.data?.total)}
                    onChange={table.onChange}
                    onRow={(m) => ({ onClick: () => setShown(m.id), style: { cursor: 'pointer' } })}
                    columns={[
                      {
                        title: t('members.name'),
                        dataIndex: 'name',
                        key: 'name',
                        ...table.sortable('name'),
                        render: (name: string, m) => (
                          <Button
                            type="link"
                            size="small"
                            style={{ padding: 0, height: 'auto' }}
                            onClick={(event) => {
                              event.stopPropagation();
                              setShown(m.id);
                            }}
                          >
                            {name}
                          </Button>
                        ),
                      },
                      {
                        title: t('members.gender'),
                        dataIndex: 'gender',
                        key: 'gender',
                        render: (g: MemberListItem['gender']) => t(`members.genders.${g}`),
                      },
                      { title: t('members.age'), dataIndex: 'age', key: 'birthDate', ...table.sortable('birthDate') },
                      {
                        title: t('members.idNumber'),
                        dataIndex: 'idNumber',
                        key: 'idNumber',
                        render: (id: string) => <Typography.Text code>{id}</Typography.Text>,
                      },
                      {
                        title: t('members.organization'),
                        dataIndex: 'organizationName',
                        key: 'tree',
                        ...table.sortable('tree'),
                      },
                      {
                        title: t('members.category'),
                        dataIndex: 'category',
                        key: 'category',
                        ...table.sortable('category'),
                        render: (c: MemberListItem['category']) => t(`members.categories.${c}`),
                      },
                      {
                        title: t('members.stage'),
                        dataIndex: 'stage',
                        key: 'stage',
                        ...table.sortable('stage'),
                        render: (s: MemberListItem['stage']) => (
                          <Tag color={s === 'Full' ? 'red' : s === 'Probationary' ? 'orange' : 'blue'}>
                            {t(`members.stages.${s}`)}
                          </Tag>
                        ),
                      },
                      {
                        title: t('members.joinedOn'),
                        dataIndex: 'joinedOn',
                        key: 'joinedOn',
                        ...table.sortable('joinedOn'),
                        render: (d: string | null) => d ?? '—',
                      },
                    ]}
                  />
                </QueryView>
              </>
            ),
          },
          { key: 'board', label: t('members.tabs.board'), children: <PipelineBoard onOpen={setShown} /> },
          { key: 'transfers', label: t('members.tabs.transfers'), children: <TransfersPanel /> },
          { key: 'communityReports', label: t('members.tabs.communityReports'), children: <CommunityReportsPanel /> },
          { key: 'meetings', label: t('members.tabs.meetings'), children: <MeetingsPanel /> },
          { key: 'lists', label: t('members.tabs.lists'), children: <MemberLists /> },
          { key: 'stats', label: t('members.tabs.stats'), children: <MemberStatisticsPanel /> },
        ]}
      />
      {creating && (
        <MemberForm
          onSubmit={async (values) => {
            const member = await createMember(values);
            await refresh();
            setShown(member.id);
          }}
          onClose={() => setCreating(false)}
        />
      )}
      {importing && (
        <ImportWizard
          onClose={() => setImporting(false)}
          onImported={(count) => {
            setImporting(false);
            message.success(t('memberImport.imported', { count }));
            void refresh();
          }}
        />
      )}
      {exportingWhole && (
        <FormModal<{ revealReason?: string; format: SpreadsheetFormat }>
          title={t('members.exportWholeTitle')}
          fields={['revealReason', 'format']}
          initialValues={{ format: 'Xlsx' }}
          okText={t('members.exportSubmit')}
          onSubmit={async ({ revealReason, format }) =>
            exportMembers(filter, table.query.sort, format, revealReason ?? '')
          }
          onClose={() => setExportingWhole(false)}
        >
          <Alert type="warning" showIcon title={t('members.exportWholeAudited')} style={{ marginBottom: 12 }} />
          <Form.Item label={t('members.revealReason')} name="revealReason" required>
            <Input.TextArea rows={2} maxLength={200} showCount />
          </Form.Item>
          <Form.Item label={t('members.exportFormat')} name="format" required>
            <Radio.Group
              options={[
                { value: 'Xlsx', label: 'Excel (.xlsx)' },
                { value: 'Csv', label: 'CSV' },
              ]}
            />
          </Form.Item>
        </FormModal>
      )}
      {shown && (
        <MemberDrawer
          memberId={shown}
          onClose={() => {
            setShownState(undefined);
            opener.restore();
          }}
          onChanged={refresh}
        />
      )}
    </Card>
  );
}

export default MembersPage;
