import { Button, Empty, Space, Table, Tag } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { QueryView } from '@/components/query-view';
import { formatYuan } from '@/features/dividends/money';
import { api } from '@/lib/api-client';
import { useCan } from '@/lib/auth';
import type { components } from '@/types/api';

type PlanListItem = components['schemas']['PlanListItem'];

/** A collective's distribution plans (the current version of each), newest first; the wizard prepares a new one. */
export function PlansTab({ collectiveId }: { collectiveId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('dividends.write');
  const [page, setPage] = useState(1);
  const plans = useQuery({
    queryKey: ['dividends', 'collective', collectiveId, 'plans', page],
    queryFn: async () =>
      (
        await api.GET('/api/v1/dividends/plans', {
          params: { query: { CollectiveId: collectiveId, page, pageSize: 20, sort: '-year' } },
        })
      ).data!,
    placeholderData: keepPreviousData,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canWrite && (
        <Button type="primary" onClick={() => void navigate(`/dividends/collectives/${collectiveId}/plans/new`)}>
          {t('dividendScreens.newPlan')}
        </Button>
      )}
      <QueryView query={plans}>
        <Table<PlanListItem>
          rowKey="id"
          size="small"
          loading={plans.isFetching}
          dataSource={plans.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('dividendScreens.noPlans')} /> }}
          scroll={{ x: 720 }}
          pagination={{ current: page, pageSize: 20, total: plans.data?.total ?? 0, showSizeChanger: false }}
          onChange={(p) => setPage(p.current ?? 1)}
          columns={[
            { title: t('dividendScreens.wizard.year'), dataIndex: 'year', width: 80 },
            {
              title: t('dividendScreens.wizard.planTitle'),
              dataIndex: 'title',
              render: (title: string, plan) => <Link to={`/dividends/plans/${plan.id}`}>{title}</Link>,
            },
            {
              title: t('dividendScreens.plan.stage'),
              dataIndex: 'stage',
              render: (stage: PlanListItem['stage']) => <Tag>{t(`dividendScreens.plan.stages.${stage}`)}</Tag>,
            },
            {
              title: t('dividendScreens.plan.total'),
              dataIndex: 'total',
              align: 'right',
              render: formatYuan,
            },
            { title: t('dividendScreens.plan.lineCount'), dataIndex: 'lineCount', align: 'right' },
            { title: t('dividendScreens.plan.openObjections'), dataIndex: 'openObjections', align: 'right' },
            { title: t('dividendScreens.plan.preparedBy'), dataIndex: 'preparedByName' },
          ]}
        />
      </QueryView>
    </Space>
  );
}
