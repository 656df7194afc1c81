import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page-heading';

/** 群众点单: residents' demands from order to rating, by state. */
export function DemandsPage() {
  const { t } = useTranslation();
  return <PageHeading>{t('volunteering.demands.title')}</PageHeading>;
}

export default DemandsPage;
