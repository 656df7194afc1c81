import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuleWarnings, type RuleWarning, type RuleWarningCode } from '@/features/organizations/api/warnings';
import { useTableState } from '@/hooks/use-table-state';
import { QueryView } from '@/components/query-view';

const codes: RuleWarningCode[] = [
  'TermOverdue',
  'TermEndingSoon',
  'TooFewFullMembers',
  'CommitteeRequired',
  'CommitteeNotExpected',
  'BranchTooLarge',
  'TooFewForGeneralBranch',
  'TooFewForCommittee',
];

/** What the region's rules flag in this subtree (terms ending or overdue, branch sizes): warnings, never blocks. */
export function WarningsPanel({ organizationId, onOpen }: { organizationId: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const table = useTableState(undefined, 10);
  const [code, setCode] = useState<RuleWarningCode>();
  const warnings = useRuleWarnings(organizationId, code, table.query);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select<RuleWarningCode>
          aria-label={t('warnings.code')}
          allowClear
          placeholder={t('warnings.code')}
          style={{ width: 200 }}
          value={code}
          onChange={(value) => {
            setCode(value);
            table.reset();
          }}
          options={codes.map((c) => ({ value: c, label: t(`warnings.codes.${c}`) }))}
        />
      </Space>
      <QueryView query={warnings}>
        <Table<RuleWarning>
          rowKey={(w) => `${w.organizationId}-${w.code}`}
          size="small"
          loading={warnings.isFetching}
          dataSource={warnings.data?.items}
          pagination={table.pagination(warnings.data?.total)}
          onChange={table.onChange}
          columns={[
            {
              title: t('rectifications.organization'),
              dataIndex: 'organizationName',
              key: 'organizationName',
              ...table.sortable('organizationName'),
              render: (name: string, w) => (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, height: 'auto' }}
                  onClick={() => onOpen(w.organizationId)}
                >
                  {name}
                </Button>
              ),
            },
            {
              title: t('warnings.code'),
              dataIndex: 'code',
              key: 'code',
              ...table.sortable('code'),
              render: (c: RuleWarningCode) => (
                <Tag color={c === 'TermOverdue' || c === 'TooFewFullMembers' ? 'red' : 'orange'}>
                  {t(`warnings.codes.${c}`)}
                </Tag>
              ),
            },
            { title: t('warnings.message'), dataIndex: 'message', key: 'message' },
            {
              title: t('warnings.dueOn'),
              dataIndex: 'dueOn',
              key: 'dueOn',
              ...table.sortable('dueOn'),
              render: (d: string | null) => d ?? '—',
            },
            {
              title: t('warnings.rule'),
              dataIndex: 'ruleSource',
              key: 'ruleSource',
              render: (s: string) => <Typography.Text type="secondary">{s}</Typography.Text>,
            },
          ]}
        />
      </QueryView>
    </>
  );
}
