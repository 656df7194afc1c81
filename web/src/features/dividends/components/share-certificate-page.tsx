import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { DateField } from '@/components/date-field';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import { useShareCertificate, type ShareCertificate } from '@/features/dividends/api/finish';
import './plan-sheets.css';
import './share-certificate.css';

/** The share types in the certificate's order: the household's totals, then any type only a member holds. */
function shareTypes(certificate: ShareCertificate) {
  const types = certificate.totals.map((s) => ({ id: s.shareTypeId, name: s.shareTypeName }));
  for (const member of certificate.members) {
    for (const share of member.shares) {
      if (!types.some((type) => type.id === share.shareTypeId)) {
        types.push({ id: share.shareTypeId, name: share.shareTypeName });
      }
    }
  }
  return types;
}

/**
 * The 股权证 of one household as printed for it: the collective that issues it, the household and its head, each
 * member's shares by type on the day (today unless another is chosen) and the household's totals; ID numbers masked
 * as the API gives them. A4 portrait; the controls above it are not printed.
 */
export function ShareCertificatePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const certificate = useShareCertificate(id, asOf);
  const data = certificate.data;
  const title = data
    ? t('dividendFinish.certificate.heading', { collective: data.collectiveName })
    : t('dividendFinish.certificate.title');
  const types = data ? shareTypes(data) : [];
  return (
    <>
      <div className="no-print">
        <PageHeading>{title}</PageHeading>
        <Space style={{ marginBottom: 16 }} wrap>
          <Button type="primary" onClick={() => window.print()} disabled={!data}>
            {t('dividendFinish.certificate.print')}
          </Button>
          <DateField
            aria-label={t('dividendFinish.certificate.asOfField')}
            placeholder={t('dividendFinish.certificate.asOfField')}
            value={asOf}
            onChange={(value) => setParams(value ? { asOf: value } : {}, { replace: true })}
          />
          {data && (
            <Link to={`/dividends/collectives/${data.collectiveId}?tab=register`}>
              {t('dividendFinish.certificate.back')}
            </Link>
          )}
        </Space>
      </div>
      <QueryView query={certificate}>
        {data && (
          <article className="plan-sheet share-certificate" aria-label={title}>
            <div className="certificate-frame">
              <h2 className="certificate-title">{t('dividendFinish.certificate.title')}</h2>
              <div className="certificate-collective">{data.collectiveName}</div>
              <div className="certificate-no">
                {t('dividendFinish.certificate.number')}：<span className="sheet-code">{data.certificateNo}</span>
              </div>
              <dl className="certificate-facts">
                <div>
                  <dt>{t('dividendFinish.certificate.household')}</dt>
                  <dd>{data.householdNumber}</dd>
                </div>
                <div>
                  <dt>{t('dividendFinish.certificate.head')}</dt>
                  <dd>{data.headName ?? '—'}</dd>
                </div>
                <div className="wide">
                  <dt>{t('dividendFinish.certificate.address')}</dt>
                  <dd>{data.address ?? '—'}</dd>
                </div>
                <div>
                  <dt>{t('dividendFinish.certificate.management')}</dt>
                  <dd>{t(`dividends.managements.${data.shareManagement}`)}</dd>
                </div>
                <div>
                  <dt>{t('dividendFinish.certificate.asOf')}</dt>
                  <dd>{data.asOf}</dd>
                </div>
                <div className="wide">
                  <dt>{t('dividendFinish.certificate.creditCode')}</dt>
                  <dd>{data.creditCode}</dd>
                </div>
              </dl>
              {data.members.length === 0 ? (
                <Alert type="info" showIcon title={t('dividendFinish.certificate.noShares')} />
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th>{t('dividendFinish.certificate.seq')}</th>
                      <th>{t('dividendFinish.certificate.name')}</th>
                      <th>{t('dividendFinish.certificate.idNumber')}</th>
                      {types.map((type) => (
                        <th key={type.id}>{type.name}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {data.members.map((member, i) => (
                      <tr key={member.memberId}>
                        <td className="num">{i + 1}</td>
                        <td>{member.name}</td>
                        <td>{member.idNumberMasked}</td>
                        {types.map((type) => (
                          <td key={type.id} className="num">
                            {member.shares.find((s) => s.shareTypeId === type.id)?.quantity ?? 0}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <td colSpan={3}>{t('dividendFinish.certificate.total')}</td>
                      {types.map((type) => (
                        <td key={type.id} className="num">
                          {data.totals.find((s) => s.shareTypeId === type.id)?.quantity ?? 0}
                        </td>
                      ))}
                    </tr>
                  </tfoot>
                </table>
              )}
              <p className="certificate-notes">{t('dividendFinish.certificate.notes')}</p>
              <div className="certificate-sign">
                <div>{t('dividendFinish.certificate.seal')}</div>
                <div>
                  {t('dividendFinish.certificate.issuedOn')}：{t('dividendFinish.certificate.blankDate')}
                </div>
                <div>{t('dividendFinish.certificate.holder')}：</div>
              </div>
            </div>
          </article>
        )}
      </QueryView>
    </>
  );
}

export default ShareCertificatePage;
