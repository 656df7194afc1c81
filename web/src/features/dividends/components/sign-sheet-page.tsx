import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import { usePlan, useSignSheet } from '@/features/dividends/api/plans';
import { formatYuan } from '@/features/dividends/money';
import './plan-sheets.css';

/** The 签领表: each payout with name, masked ID and amount, and room for the signature and fingerprint. */
export function SignSheetPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const plan = usePlan(id);
  const sheet = useSignSheet(id);
  const data = plan.data;
  const title = data
    ? t('dividendScreens.sheet.signTitle', { collective: data.collectiveName, year: data.year })
    : t('dividendScreens.plan.signSheet');
  return (
    <>
      <div className="no-print">
        <PageHeading>{title}</PageHeading>
        <Space style={{ marginBottom: 16 }} wrap>
          <Button type="primary" onClick={() => window.print()} disabled={!sheet.data}>
            {t('dividendScreens.sheet.print')}
          </Button>
          {data && <Link to={`/dividends/plans/${data.id}`}>{data.title}</Link>}
        </Space>
      </div>
      <QueryView query={plan}>
        <QueryView query={sheet}>
          {data && sheet.data && (
            <article className="plan-sheet" aria-label={title}>
              <h2>{title}</h2>
              <div className="sheet-meta">
                <span>
                  {data.title} · {t('dividendScreens.plan.version', { n: data.versionNo })}
                </span>
                <span>
                  {t('dividendScreens.plan.checkCode')}：<span className="sheet-code">{data.checkCode}</span>
                </span>
              </div>
              <table>
                <thead>
                  <tr>
                    <th>{t('dividendScreens.wizard.lineNo')}</th>
                    <th>{t('dividendScreens.householdNo')}</th>
                    <th>{t('dividendScreens.memberName')}</th>
                    <th>{t('dividendScreens.idNumber')}</th>
                    <th>{t('dividendScreens.wizard.amountCol')}</th>
                    <th>{t('dividendScreens.sheet.signature')}</th>
                    <th>{t('dividendScreens.sheet.date')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sheet.data.rows.map((row) => (
                    <tr key={row.no}>
                      <td className="num">{row.no}</td>
                      <td>{row.householdNumber}</td>
                      <td>{row.name}</td>
                      <td>{row.idNumberMasked}</td>
                      <td className="num">{formatYuan(row.amount)}</td>
                      <td className="sign" />
                      <td className="sign" style={{ minWidth: 80 }} />
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <td colSpan={4}>
                      {t('dividendScreens.sheet.total')} ·{' '}
                      {t('dividendScreens.sheet.count', { n: sheet.data.rows.length })}
                    </td>
                    <td className="num">{formatYuan(sheet.data.total)}</td>
                    <td colSpan={2} />
                  </tr>
                </tfoot>
              </table>
              <div className="sheet-foot">
                {t('dividendScreens.sheet.preparedBy')}：{data.preparedByName}
              </div>
            </article>
          )}
        </QueryView>
      </QueryView>
    </>
  );
}

export default SignSheetPage;
