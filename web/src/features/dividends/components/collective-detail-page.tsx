import { Card, Descriptions, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import { useCollective } from '@/features/dividends/api/register';
import { ChangesTab } from '@/features/dividends/components/changes-tab';
import { IncomeTab } from '@/features/dividends/components/income-tab';
import { OverviewTab } from '@/features/dividends/components/overview-tab';
import { PlansTab } from '@/features/dividends/components/plans-tab';
import { RegisterTab } from '@/features/dividends/components/register-tab';

const tabs = ['overview', 'register', 'changes', 'income', 'plans'] as const;

/** One collective: its facts, register (as of any day), share changes, yearly income and distribution plans. */
export function CollectiveDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [search, setSearch] = useSearchParams();
  const collective = useCollective(id);
  const data = collective.data?.collective;
  const tab = tabs.find((x) => x === search.get('tab')) ?? 'overview';
  return (
    <Card
      title={<PageHeading>{data?.name ?? t('dividends.title')}</PageHeading>}
      extra={
        <Link to="/dividends/collectives" className="no-print">
          {t('dividendScreens.back')}
        </Link>
      }
    >
      <QueryView query={collective}>
        {data && collective.data && (
          <>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={[
                { key: 'kind', label: t('dividends.kind'), children: <Tag>{t(`dividends.kinds.${data.kind}`)}</Tag> },
                { key: 'code', label: t('dividends.creditCode'), children: data.creditCode },
                { key: 'org', label: t('dividends.organization'), children: data.organizationName },
                { key: 'land', label: t('dividends.land'), children: data.landTransferredMu },
                {
                  key: 'management',
                  label: t('dividends.management'),
                  children: t(`dividends.managements.${data.shareManagement}`),
                },
                { key: 'established', label: t('dividendScreens.established'), children: data.establishedOn ?? '—' },
                { key: 'households', label: t('dividends.households'), children: data.households },
                { key: 'members', label: t('dividends.members'), children: data.members },
              ]}
            />
            <Tabs
              activeKey={tab}
              onChange={(key) => setSearch({ tab: key }, { replace: true })}
              items={tabs.map((key) => ({
                key,
                label: t(`dividendScreens.tabs.${key}`),
                children:
                  key === 'overview' ? (
                    <OverviewTab detail={collective.data} onChanged={() => void collective.refetch()} />
                  ) : key === 'register' ? (
                    <RegisterTab detail={collective.data} />
                  ) : key === 'changes' ? (
                    <ChangesTab collectiveId={data.id} />
                  ) : key === 'income' ? (
                    <IncomeTab collective={data} />
                  ) : (
                    <PlansTab collectiveId={data.id} />
                  ),
              }))}
            />
          </>
        )}
      </QueryView>
    </Card>
  );
}

export default CollectiveDetailPage;
