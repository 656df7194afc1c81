import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import { usePlan, usePlanLines } from '@/features/dividends/api/plans';
import { formatFen, formatYuan, sumFen } from '@/features/dividends/money';
import './plan-sheets.css';

/**
 * The 公示 sheet as posted: every payout with the name, masked ID number and amount, the total, the notice days and
 * the check code a villager types on the public check page.
 */
export function NoticeSheetPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const plan = usePlan(id);
  const lines = usePlanLines(plan.data);
  const data = plan.data;
  const title = data
    ? t('dividendScreens.sheet.noticeTitle', { collective: data.collectiveName, year: data.year })
    : t('dividendScreens.plan.noticeSheet');
  return (
    <>
      <div className="no-print">
        <PageHeading>{title}</PageHeading>
        <Space style={{ marginBottom: 16 }} wrap>
          <Button type="primary" onClick={() => window.print()} disabled={!lines.data || !data?.noticeStartsOn}>
            {t('dividendScreens.sheet.print')}
          </Button>
          {data && <Link to={`/dividends/plans/${data.id}`}>{data.title}</Link>}
        </Space>
      </div>
      <QueryView query={plan}>
        {data && !data.noticeStartsOn && (
          <Alert type="info" showIcon title={t('dividendScreens.sheet.noticeNotStarted')} />
        )}
        <QueryView query={lines}>
          {data && data.noticeStartsOn && lines.data && (
            <article className="plan-sheet" aria-label={title}>
              <h2>{title}</h2>
              <p style={{ textIndent: '2em', fontSize: 13 }}>{t('dividendScreens.sheet.intro')}</p>
              <div className="sheet-meta">
                <span>
                  {data.title} · {t('dividendScreens.plan.version', { n: data.versionNo })}
                </span>
                <span>{t('dividendScreens.sheet.period', { from: data.noticeStartsOn, to: data.noticeEndsOn })}</span>
              </div>
              <table>
                <thead>
                  <tr>
                    <th>{t('dividendScreens.wizard.lineNo')}</th>
                    <th>{t('dividendScreens.wizard.label')}</th>
                    <th>{t('dividendScreens.memberName')}</th>
                    <th>{t('dividendScreens.idNumber')}</th>
                    <th>{t('dividendScreens.wizard.units')}</th>
                    <th>{t('dividendScreens.wizard.amountCol')}</th>
                  </tr>
                </thead>
                <tbody>
                  {lines.data.lines.map((line) => (
                    <tr key={line.lineNo}>
                      <td className="num">{line.lineNo}</td>
                      <td>{lines.data.parts.find((p) => p.partNo === line.partNo)?.label}</td>
                      <td>{line.name}</td>
                      <td>{line.idNumberMasked}</td>
                      <td className="num">{line.units}</td>
                      <td className="num">{formatYuan(line.amount)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <td colSpan={4}>
                      {t('dividendScreens.sheet.total')} ·{' '}
                      {t('dividendScreens.sheet.count', { n: lines.data.lineCount })}
                    </td>
                    <td colSpan={2} className="num">
                      {formatFen(sumFen(lines.data.lines.map((l) => l.amount)))}
                    </td>
                  </tr>
                </tfoot>
              </table>
              <div className="sheet-foot">
                <div>
                  {t('dividendScreens.plan.checkCode')}：<span className="sheet-code">{data.checkCode}</span>
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
