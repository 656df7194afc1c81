import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryView } from '@/components/query-view';
import { usePlanVersions } from '@/features/dividends/api/payouts';
import type { Plan } from '@/features/dividends/api/plans';
import { formatYuan } from '@/features/dividends/money';

/**
 * Every version of a plan (a revision is a new version; the old ones stay readable), newest first as the server
 * lists them, each a link to its own page; the one on screen is marked rather than linked.
 */
export function PlanVersions({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const versions = usePlanVersions(plan.id);
  return (
    <section aria-label={t('dividendPayouts.versions')} className="no-print">
      <h2 style={{ fontSize: 16 }}>{t('dividendPayouts.versions')}</h2>
      <QueryView query={versions}>
        <List
          size="small"
          bordered
          dataSource={versions.data ?? []}
          renderItem={(v) => {
            const name = t('dividendPayouts.versionNo', { n: v.versionNo });
            return (
              <List.Item key={v.id}>
                <Space direction="vertical" size={0} style={{ width: '100%' }}>
                  <Space wrap>
                    {v.id === plan.id ? (
                      <Typography.Text strong>{name}</Typography.Text>
                    ) : (
                      <Link to={`/dividends/plans/${v.id}`}>{name}</Link>
                    )}
                    <Tag color={v.stage === 'Superseded' ? 'default' : 'blue'}>
                      {t(`dividendScreens.plan.stages.${v.stage}`)}
                    </Tag>
                    {v.id === plan.id && <Tag color="green">{t('dividendPayouts.current')}</Tag>}
                  </Space>
                  <Typography.Text type="secondary">
                    {[
                      `${formatYuan(v.total)} ${t('dividendScreens.yuan')}`,
                      t('dividendScreens.plan.payeesCount', { n: v.lineCount }),
                      `${t('dividendScreens.plan.preparedBy')}：${v.preparedByName}`,
                      `${t('dividendPayouts.createdAt')}：${v.createdAt.slice(0, 10)}`,
                    ].join(' · ')}
                  </Typography.Text>
                  {v.revisionReason && (
                    <Typography.Text>{`${t('dividendPayouts.revisionReason')}：${v.revisionReason}`}</Typography.Text>
                  )}
                </Space>
              </List.Item>
            );
          }}
        />
      </QueryView>
    </section>
  );
}
