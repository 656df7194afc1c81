import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page-heading';

/** Collective economic organizations and branch-led cooperatives in the caller's scope. */
export function CollectivesPage() {
  const { t } = useTranslation();
  return <Card title={<PageHeading>{t('dividends.title')}</PageHeading>} />;
}

export default CollectivesPage;
