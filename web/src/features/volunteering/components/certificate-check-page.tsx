import { Card, Descriptions, Input, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { usePublicCertificate } from '@/features/volunteering/api/volunteer-hours';
import { usePageTitle } from '@/lib/page-title';

/**
 * The public check page (no sign-in): anyone types a certificate's code and sees only the masked name, hours, star
 * level, number and day of issue.
 */
export function CertificateCheckPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  const navigate = useNavigate();
  const checked = usePublicCertificate(code);
  const stars = t('volunteerHours.stars', { returnObjects: true }) as string[];
  usePageTitle(t('volunteerHours.publicTitle'));
  return (
    <main style={{ maxWidth: 560, margin: '48px auto', padding: '0 16px' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('volunteerHours.publicTitle')}
      </Typography.Title>
      <Input.Search
        aria-label={t('volunteerHours.checkCode')}
        placeholder={t('volunteerHours.checkCode')}
        defaultValue={code}
        enterButton
        onSearch={(value) => value.trim() && void navigate(`/certificate-check/${encodeURIComponent(value.trim())}`)}
      />
      {code && checked.isError && <Result status="warning" title={t('volunteerHours.publicNotFound')} />}
      {checked.data && (
        <Card style={{ marginTop: 24 }} title={t('volunteerHours.publicFound')}>
          <Descriptions
            column={1}
            items={[
              { key: 'number', label: t('volunteerHours.certificateNumber'), children: checked.data.number },
              { key: 'name', label: t('volunteerHours.name'), children: checked.data.nameMasked },
              { key: 'hours', label: t('volunteerHours.hours'), children: checked.data.totalHours },
              { key: 'star', label: t('volunteerHours.star'), children: stars[checked.data.starLevel] },
              { key: 'issued', label: t('volunteerHours.issuedOn'), children: checked.data.issuedOn },
            ]}
          />
        </Card>
      )}
    </main>
  );
}

export default CertificateCheckPage;
