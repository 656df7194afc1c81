import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '@/lib/auth';

/** Where a collective's distribution plans start: the wizard prepares one from the register on a cut-off day. */
export function PlansTab({ collectiveId }: { collectiveId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('dividends.write');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canWrite && (
        <Button type="primary" onClick={() => void navigate(`/dividends/collectives/${collectiveId}/plans/new`)}>
          {t('dividendScreens.newPlan')}
        </Button>
      )}
      <Typography.Text type="secondary">{t('dividendScreens.plans')}</Typography.Text>
    </Space>
  );
}
