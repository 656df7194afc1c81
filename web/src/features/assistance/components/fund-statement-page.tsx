import { Button, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import { useFundStatement } from '@/features/assistance/api/statistics';
import { yuan } from '@/features/assistance/components/applications/format';
import './fund-statement.css';

/** A table of the printed statement: item, count, amount, and its total line when it has one. */
function CountedTable({
  title,
  rows,
  total,
}: {
  title: string;
  rows: { key: string; label: string; count: number; amount: number }[];
  total?: { label: string; amount: number };
}) {
  const { t } = useTranslation();
  const w = (key: string) => t(`assistanceStats.statement.${key}`);
  return (
    <>
      <h3>{title}</h3>
      <table>
        <thead>
          <tr>
            <th>{w('item')}</th>
            <th>{w('count')}</th>
            <th>{w('amount')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>{row.label}</td>
              <td className="num">{row.count}</td>
              <td className="num">{yuan(row.amount)}</td>
            </tr>
          ))}
        </tbody>
        {total && (
          <tfoot>
            <tr>
              <td colSpan={2}>{total.label}</td>
              <td className="num">{yuan(total.amount)}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </>
  );
}

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
            <CountedTable
              title={w('moneyIn')}
              rows={data.moneyIn.map((row) => ({
                key: row.source,
                label: t(`assistance.sources.${row.source}`),
                count: row.count,
                amount: row.amount,
              }))}
              total={{ label: w('totalIn'), amount: data.totalIn }}
            />
            <CountedTable
              title={w('moneyOut')}
              rows={data.moneyOut.map((row) => ({
                key: `${row.kind}-${row.category ?? ''}`,
                label: outLabel(row.kind, row.category),
                count: row.count,
                amount: row.amount,
              }))}
              total={{ label: w('totalOut'), amount: data.totalOut }}
            />
            <CountedTable
              title={w('others')}
              rows={(['allocatedDown', 'reversals', 'adjustments'] as const).map((key) => ({
                key,
                label: w(key),
                count: data[key].count,
                amount: data[key].amount,
              }))}
            />
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
