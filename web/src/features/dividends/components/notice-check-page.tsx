import { Alert, Card, Descriptions, Input, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { usePublicNotice } from '@/features/dividends/api/plans';
import { formatYuan } from '@/features/dividends/money';
import { usePageTitle } from '@/lib/page-title';
import { ApiError } from '@/lib/problem';

/**
 * The public check page (no sign-in): a villager types the code printed on a 公示 sheet and sees the collective, the
 * year, the notice days, the total and the number of payouts — no names and no amounts of anyone.
 */
export function NoticeCheckPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const navigate = useNavigate();
  const checked = usePublicNotice(code);
  usePageTitle(t('dividendScreens.check.title'));
  const data = checked.data;
  const notFound = checked.error instanceof ApiError && checked.error.status === 404;
  return (
    <main style={{ maxWidth: 560, margin: '48px auto', padding: '0 16px' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('dividendScreens.check.title')}
      </Typography.Title>
      <Input.Search
        aria-label={t('dividendScreens.check.code')}
        placeholder={t('dividendScreens.check.code')}
        defaultValue={code}
        enterButton
        onSearch={(value) => value.trim() && void navigate(`/dividend-check/${encodeURIComponent(value.trim())}`)}
      />
      {code && notFound && <Result status="warning" title={t('dividendScreens.check.notFound')} />}
      {code && checked.isError && !notFound && (
        <Alert
          style={{ marginTop: 24 }}
          type="error"
          showIcon
          role="alert"
          title={
            checked.error instanceof ApiError && checked.error.status === 429
              ? t('errors.tooMany')
              : t('errors.network')
          }
        />
      )}
      {data && (
        <Card style={{ marginTop: 24 }} title={t('dividendScreens.check.found')}>
          {!data.currentVersion && (
            <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('dividendScreens.check.outdated')} />
          )}
          <Descriptions
            column={1}
            items={[
              { key: 'collective', label: t('dividendScreens.check.collective'), children: data.collectiveName },
              { key: 'year', label: t('dividendScreens.check.year'), children: data.year },
              { key: 'title', label: t('dividendScreens.check.planTitle'), children: data.title },
              {
                key: 'version',
                label: t('dividendScreens.check.version'),
                children: t('dividendScreens.plan.version', { n: data.versionNo }),
              },
              {
                key: 'stage',
                label: t('dividendScreens.check.stage'),
                children: t(`dividendScreens.plan.stages.${data.stage}`),
              },
              {
                key: 'period',
                label: t('dividendScreens.check.period'),
                children: data.noticeStartsOn ? `${data.noticeStartsOn} ~ ${data.noticeEndsOn}` : '—',
              },
              {
                key: 'total',
                label: t('dividendScreens.check.total'),
                children: `${formatYuan(data.total)} ${t('dividendScreens.yuan')}`,
              },
              { key: 'lines', label: t('dividendScreens.check.lines'), children: data.lineCount },
            ]}
          />
        </Card>
      )}
    </main>
  );
}

export default NoticeCheckPage;
