import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import { usePlan, useNoticeSheet } from '@/features/dividends/api/plans';
import { formatYuan } from '@/features/dividends/money';
import './plan-sheets.css';

/**
 * The 公示 sheet as posted: every payout with the name, masked ID number and amount, the total, the notice days and
 * the check code a villager types on the public check page.
 */
export function NoticeSheetPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const plan = usePlan(id);
  const sheet = useNoticeSheet(id);
  const data = plan.data;
  const title = data
    ? t('dividendScreens.sheet.noticeTitle', { collective: data.collectiveName, year: data.year })
    : t('dividendScreens.plan.noticeSheet');
  return (
    <>
      <div className="no-print">
        <PageHeading>{title}</PageHeading>
        <Space style={{ marginBottom: 16 }} wrap>
          <Button type="primary" onClick={() => window.print()} disabled={!sheet.data || !data?.noticeStartsOn}>
            {t('dividendScreens.sheet.print')}
          </Button>
          {data && <Link to={`/dividends/plans/${data.id}`}>{data.title}</Link>}
        </Space>
      </div>
      <QueryView query={plan}>
        {data && !data.noticeStartsOn && (
          <Alert type="info" showIcon title={t('dividendScreens.sheet.noticeNotStarted')} />
        )}
        <QueryView query={sheet}>
          {data && data.noticeStartsOn && sheet.data && (
            <article className="plan-sheet" aria-label={title}>
              <h2>{title}</h2>
              <p style={{ textIndent: '2em', fontSize: 13 }}>{t('dividendScreens.sheet.intro')}</p>
              <div className="sheet-meta">
                <span>
                  {data.title} · {t('dividendScreens.plan.version', { n: sheet.data.versionNo })}
                </span>
                <span>
                  {t('dividendScreens.sheet.period', { from: sheet.data.noticeStartsOn, to: sheet.data.noticeEndsOn })}
                </span>
              </div>
              <table>
                <thead>
                  <tr>
                    <th>{t('dividendScreens.wizard.lineNo')}</th>
                    <th>{t('dividendScreens.householdNo')}</th>
                    <th>{t('dividendScreens.memberName')}</th>
                    <th>{t('dividendScreens.idNumber')}</th>
                    {sheet.data.parts.map((part) => (
                      <th key={part.partNo}>{part.label}</th>
                    ))}
                    {sheet.data.parts.length > 1 && <th>{t('dividendScreens.sheet.total')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {sheet.data.rows.map((row) => (
                    <tr key={row.no}>
                      <td className="num">{row.no}</td>
                      <td>{row.householdNumber}</td>
                      <td>{row.name}</td>
                      <td>{row.idNumberMasked}</td>
                      {row.amounts.map((amount, i) => (
                        <td key={i} className="num">
                          {formatYuan(amount)}
                        </td>
                      ))}
                      {sheet.data.parts.length > 1 && <td className="num">{formatYuan(row.total)}</td>}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <td colSpan={4}>
                      {t('dividendScreens.sheet.total')} ·{' '}
                      {t('dividendScreens.sheet.count', { n: sheet.data.rows.length })}
                    </td>
                    <td colSpan={sheet.data.parts.length + (sheet.data.parts.length > 1 ? 1 : 0)} className="num">
                      {formatYuan(sheet.data.total)}
                    </td>
                  </tr>
                </tfoot>
              </table>
              <div className="sheet-foot">
                <div>
                  {t('dividendScreens.plan.checkCode')}：<span className="sheet-code">{sheet.data.checkCode}</span>
                </div>
                <div>{t('dividendScreens.sheet.checkAt')}</div>
                <div>
                  {t('dividendScreens.sheet.preparedBy')}：{data.preparedByName}
                </div>
              </div>
            </article>
          )}
        </QueryView>
      </QueryView>
    </>
  );
}

export default NoticeSheetPage;
