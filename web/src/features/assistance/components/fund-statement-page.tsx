import { Button, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import { useFundStatement } from '@/features/assistance/api/statistics';
import { yuan } from '@/features/assistance/components/applications/format';
import './fund-statement.css';

/**
 * 年度收支公开表: a fund's year as published to members — opening balance, money in by source, out by kind and
 * category, allocations down, reversals and adjustments, the closing balance, and every payment with the name masked.
 */
export function FundStatementPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : new Date().getFullYear();
  const statement = useFundStatement(id, year);
  const data = statement.data;
  const w = (key: string, values?: Record<string, unknown>) => t(`assistanceStats.statement.${key}`, values);
  const title = data ? w('title', { fund: data.fundName, year: data.year }) : w('open');
  const outLabel = (kind: string, category?: string | null) =>
    t(`assistanceMemberLedger.paymentKinds.${kind}`) +
    (category ? `（${t(`assistanceApply.categories.${category}`)}）` : '');

  return (
    <>
      <div className="no-print">
        <PageHeading>{title}</PageHeading>
        <Space style={{ marginBottom: 16 }} wrap>
          <InputNumber
            aria-label={w('year')}
            min={2000}
            max={2100}
            precision={0}
            value={year}
            onChange={(value) => value && setParams({ year: String(value) })}
          />
          <Button type="primary" onClick={() => window.print()} disabled={!data}>
            {w('print')}
          </Button>
          <Link to="/assistance/fund">{w('back')}</Link>
        </Space>
      </div>
      <QueryView query={statement}>
        {data && (
          <article className="fund-statement" aria-label={title}>
            <h2>{title}</h2>
            <div className="sheet-meta">
              <span>{w('organization', { name: data.organizationName })}</span>
              <span>{w('period', { from: data.from, to: data.to })}</span>
            </div>
            <table>
              <tbody>
                <tr>
                  <td>{w('opening')}</td>
                  <td className="num">{yuan(data.openingBalance)}</td>
                  <td>{w('closing')}</td>
                  <td className="num">{yuan(data.closingBalance)}</td>
                </tr>
              </tbody>
            </table>
            <h3>{w('moneyIn')}</h3>
            <table>
              <thead>
                <tr>
                  <th>{w('item')}</th>
                  <th>{w('count')}</th>
                  <th>{w('amount')}</th>
                </tr>
              </thead>
              <tbody>
                {data.moneyIn.map((row) => (
                  <tr key={row.source}>
                    <td>{t(`assistance.sources.${row.source}`)}</td>
                    <td className="num">{row.count}</td>
                    <td className="num">{yuan(row.amount)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={2}>{w('totalIn')}</td>
                  <td className="num">{yuan(data.totalIn)}</td>
                </tr>
              </tfoot>
            </table>
            <h3>{w('moneyOut')}</h3>
            <table>
              <thead>
                <tr>
                  <th>{w('item')}</th>
                  <th>{w('count')}</th>
                  <th>{w('amount')}</th>
                </tr>
              </thead>
              <tbody>
                {data.moneyOut.map((row) => (
                  <tr key={`${row.kind}-${row.category ?? ''}`}>
                    <td>{outLabel(row.kind, row.category)}</td>
                    <td className="num">{row.count}</td>
                    <td className="num">{yuan(row.amount)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={2}>{w('totalOut')}</td>
                  <td className="num">{yuan(data.totalOut)}</td>
                </tr>
              </tfoot>
            </table>
            <h3>{w('others')}</h3>
            <table>
              <thead>
                <tr>
                  <th>{w('item')}</th>
                  <th>{w('count')}</th>
                  <th>{w('amount')}</th>
                </tr>
              </thead>
              <tbody>
                {(['allocatedDown', 'reversals', 'adjustments'] as const).map((key) => (
                  <tr key={key}>
                    <td>{w(key)}</td>
                    <td className="num">{data[key].count}</td>
                    <td className="num">{yuan(data[key].amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>{w('paymentsTitle')}</h3>
            <p style={{ fontSize: 13, margin: '0 0 6px' }}>{w('peopleHelped', { count: data.peopleHelped })}</p>
            {data.payments.length === 0 ? (
              <p style={{ fontSize: 13 }}>{w('noPayments')}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>{w('paidOn')}</th>
                    <th>{w('name')}</th>
                    <th>{w('kind')}</th>
                    <th>{w('amount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.payments.map((p, index) => (
                    <tr key={index}>
                      <td>{p.paidOn}</td>
                      <td>{p.name}</td>
                      <td>
                        {outLabel(p.kind, p.category)}
                        {p.reversed ? `（${w('reversed')}）` : ''}
                      </td>
                      <td className="num">{yuan(p.amount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="sheet-foot">{w('foot')}</p>
          </article>
        )}
      </QueryView>
    </>
  );
}

export default FundStatementPage;
