import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page-heading';

/** The care fund: its balance, what approvals hold, and its ledger. */
export function FundPage() {
  const { t } = useTranslation();
  return (
    <Card title={<PageHeading>{t('assistance.fund.title')}</PageHeading>}>
      <Typography.Paragraph type="secondary">{t('assistance.fund.intro')}</Typography.Paragraph>
    </Card>
  );
}

export default FundPage;
