import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCertificate } from '@/features/volunteering/api/volunteer-hours';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import './certificate-print.css';

/** 志愿服务证明 as printed (谁记录谁证明): number, check code, name, organization, hours and star level. */
export function CertificatePrintPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const certificate = useCertificate(id);
  const stars = t('volunteerHours.stars', { returnObjects: true }) as string[];
  const data = certificate.data;
  return (
    <>
      <div className="no-print">
        <PageHeading>{t('volunteerHours.certificateTitle')}</PageHeading>
        <Space style={{ marginBottom: 16 }}>
          <Button type="primary" onClick={() => window.print()}>
            {t('volunteerHours.print')}
          </Button>
        </Space>
      </div>
      <QueryView query={certificate}>
        {data && (
          <article className="certificate-sheet" aria-label={t('volunteerHours.certificateTitle')}>
            <h2>{t('volunteerHours.certificateTitle')}</h2>
            <p className="certificate-number">
              {t('volunteerHours.certificateNumber')}：{data.certificate.number}
            </p>
            <p className="certificate-body">
              {t('volunteerHours.certifies', { name: data.volunteerName, organization: data.organizationName })}
              {data.serviceDescription}
            </p>
            <p className="certificate-body">
              {t('volunteerHours.star')}：{stars[data.certificate.starLevel]}
            </p>
            <dl className="certificate-footer">
              <dt>{t('volunteerHours.issuedOn')}</dt>
              <dd>{data.certificate.issuedOn}</dd>
              <dt>{t('volunteerHours.issuedBy')}</dt>
              <dd>{data.organizationName}</dd>
              <dt>{t('volunteerHours.checkCode')}</dt>
              <dd className="certificate-code">{data.certificate.checkCode}</dd>
            </dl>
            <p className="certificate-note">{t('volunteerHours.checkAt')}</p>
          </article>
        )}
      </QueryView>
    </>
  );
}

export default CertificatePrintPage;
