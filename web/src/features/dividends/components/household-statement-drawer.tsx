import { Drawer, Empty, Grid, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ExportButtons } from '@/components/export-buttons';
import { QueryView } from '@/components/query-view';
import { useHouseholdStatement, type StatementEntry } from '@/features/dividends/api/payouts';
import { formatYuan } from '@/features/dividends/money';
import { downloadFile, queryString } from '@/lib/download';

const statusColor = { Unpaid: 'default', Paid: 'green', Failed: 'red' } as const;

/**
 * A household's dividends over the years as the server adds them up (newest year first): each entry with its plan
 * (a link), part, amount and how it was paid; reversals are the negative entries. Full width on a phone.
 */
export function HouseholdStatementDrawer({ householdId, onClose }: { householdId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md ?? true;
  const statement = useHouseholdStatement(householdId);
  const s = statement.data;
  const yuan = (amount: number) => formatYuan(amount);
  return (
    <Drawer
      open
      size={wide ? 'large' : '100%'}
      onClose={onClose}
      title={
        s
          ? t('dividendPayouts.statementTitle', { number: s.number, head: s.headName ?? '' })
          : t('dividendPayouts.statement')
      }
    >
      <QueryView query={statement}>
        {s && (
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Text strong>
                {t('dividendPayouts.statementTotals', { paid: yuan(s.paid), unpaid: yuan(s.unpaid) })}
              </Typography.Text>
              <ExportButtons
                onExport={(format) =>
                  downloadFile(
                    `/api/v1/dividends/households/${householdId}/statement/export?${queryString({ format })}`,
                    `household-statement.${format.toLowerCase()}`,
                  )
                }
              />
            </Space>
            {s.years.length === 0 && <Empty description={t('dividendPayouts.noEntries')} />}
            {s.years.map((year) => (
              <section key={year.year} aria-label={String(year.year)}>
                <Typography.Title level={5} style={{ marginTop: 0 }}>
                  {t('dividendPayouts.yearTotals', {
                    year: year.year,
                    paid: yuan(year.paid),
                    unpaid: yuan(year.unpaid),
                    failed: yuan(year.failed),
                  })}
                </Typography.Title>
                <Table<StatementEntry>
                  rowKey="payoutId"
                  size="small"
                  pagination={false}
                  dataSource={year.entries}
                  scroll={{ x: 640 }}
                  columns={[
                    {
                      title: t('dividendPayouts.plan'),
                      key: 'plan',
                      render: (_, e) => (
                        <Link to={`/dividends/plans/${e.planId}`}>
                          {`${e.planTitle}（${t('dividendPayouts.versionNo', { n: e.versionNo })}）`}
                        </Link>
                      ),
                    },
                    { title: t('dividendPayouts.part'), dataIndex: 'partLabel' },
                    { title: t('dividendScreens.memberName'), dataIndex: 'name' },
                    {
                      title: t('dividendScreens.wizard.amountCol'),
                      dataIndex: 'amount',
                      align: 'right',
                      render: yuan,
                    },
                    {
                      title: t('dividendScreens.status'),
                      key: 'status',
                      render: (_, e) => (
                        <Space size={4} wrap>
                          <Tag color={statusColor[e.status]}>{t(`dividendScreens.payouts.statuses.${e.status}`)}</Tag>
                          {e.kind !== 'Payout' && <Tag>{t(`dividendScreens.payouts.kinds.${e.kind}`)}</Tag>}
                        </Space>
                      ),
                    },
                    {
                      title: t('dividendScreens.payouts.method'),
                      key: 'method',
                      render: (_, e) =>
                        e.method
                          ? `${t(`dividendScreens.payouts.methods.${e.method}`)} ${e.paidOn ?? ''} ${e.reference ?? ''}`
                          : '',
                    },
                  ]}
                />
              </section>
            ))}
          </Space>
        )}
      </QueryView>
    </Drawer>
  );
}
