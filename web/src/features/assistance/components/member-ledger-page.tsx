import { Button, Card, Col, Empty, Row, Space, Statistic, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApplications } from '@/features/assistance/api/applications';
import { useMemberLedger } from '@/features/assistance/api/care';
import { statusColors, yuan } from '@/features/assistance/components/applications/format';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';

interface Event {
  on: string;
  color: string;
  what: string;
  detail?: string;
}

/**
 * One member's page of the dynamic ledger (动态台账): their hardship over time with its rechecks, and every help
 * received — fund payments, applications, holiday visits, help from their 1+N helper — on one time line.
 */
export function MemberLedgerPage() {
  const { t } = useTranslation();
  const { memberId = '' } = useParams();
  const ledger = useMemberLedger(memberId);
  const applications = useApplications('all', { page: 1, pageSize: 100, sort: '-createdAt' }, memberId);
  const w = (k: string, values?: Record<string, unknown>) => t(`assistanceMemberLedger.${k}`, values);
  const data = ledger.data;
  const label = (group: string, value: string | null | undefined) =>
    value ? t(`assistanceMemberLedger.${group}.${value}`, { defaultValue: w(`${group}.Other`) }) : '';

  const events: Event[] = data
    ? [
        ...data.hardships.flatMap((h) => [
          { on: h.since, color: 'orange', what: w('entered', { category: label('hardshipCategories', h.category) }) },
          ...(h.until ? [{ on: h.until, color: 'gray', what: w('left') }] : []),
        ]),
        ...data.rechecks.map((r) => ({
          on: r.checkedOn,
          color: r.outcome === 'Ended' ? 'gray' : 'blue',
          what: `${w('recheck')}：${t(`assistanceCare.ledger.outcomes.${r.outcome}`)}`,
          detail: [r.checkedByName, r.note].filter(Boolean).join(' · '),
        })),
        ...data.payments.map((p) => ({
          on: p.occurredOn,
          color: 'green',
          what: `${label('paymentKinds', p.paymentKind)} ${yuan(p.amount)} ${w('yuan')}`,
          detail: p.reference ?? undefined,
        })),
        ...data.visits.map((v) => ({
          on: v.visitedOn,
          color: 'red',
          what: `${v.year} ${t(`assistanceCare.visits.occasions.${v.occasion}`)}${w('visit')}`,
          detail: [
            v.visitors,
            Number(v.money) > 0 ? `${yuan(v.money)} ${w('yuan')}` : '',
            v.goods ? `${v.goods}（${yuan(v.goodsValue)} ${w('yuan')}）` : '',
          ]
            .filter(Boolean)
            .join(' · '),
        })),
        ...data.help.map((h) => ({
          on: h.helpedOn,
          color: 'purple',
          what: `${w('help')}：${h.helperName}`,
          detail: h.what,
        })),
      ].sort((a, b) => b.on.localeCompare(a.on))
    : [];
  const current = data?.hardships.find((h) => h.current);

  return (
    <Card
      title={<PageHeading>{data ? w('title', { name: data.name }) : w('titleLoading')}</PageHeading>}
      extra={
        <Link to="/assistance/ledger">
          <Button>{w('back')}</Button>
        </Link>
      }
    >
      <QueryView query={ledger}>
        {data && (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Row gutter={[16, 16]}>
              <Col xs={24} sm={8}>
                <Statistic title={w('paidTotal')} value={yuan(data.paidTotal)} />
              </Col>
              <Col xs={12} sm={8}>
                <Statistic title={w('visits')} value={data.visits.length} />
              </Col>
              <Col xs={12} sm={8}>
                <Statistic title={w('helps')} value={data.help.length} />
              </Col>
            </Row>
            <Space wrap>
              {current ? (
                <Tag color="orange">
                  {w('currentSince', {
                    category: label('hardshipCategories', current.category),
                    since: current.since,
                  })}
                </Tag>
              ) : (
                <Tag>{w('notCurrent')}</Tag>
              )}
            </Space>
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              {w('timeline')}
            </Typography.Title>
            {events.length === 0 ? (
              <Empty description={w('nothing')} />
            ) : (
              <Timeline
                items={events.map((e, i) => ({
                  key: i,
                  color: e.color,
                  content: (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text>
                        <Typography.Text type="secondary">{e.on}</Typography.Text> {e.what}
                      </Typography.Text>
                      {e.detail && <Typography.Text type="secondary">{e.detail}</Typography.Text>}
                    </Space>
                  ),
                }))}
              />
            )}
            <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
              {w('applications')}
            </Typography.Title>
            <QueryView query={applications}>
              <Table
                rowKey="id"
                size="small"
                scroll={{ x: 'max-content' }}
                pagination={false}
                dataSource={applications.data?.items}
                locale={{ emptyText: w('noApplications') }}
                columns={[
                  {
                    title: t('assistanceApply.category'),
                    key: 'c',
                    render: (_, a) => t(`assistanceApply.categories.${a.category}`),
                  },
                  { title: t('assistanceApply.amount'), key: 'a', align: 'right', render: (_, a) => yuan(a.amount) },
                  {
                    title: t('assistanceApply.status'),
                    key: 's',
                    render: (_, a) => (
                      <Tag color={statusColors[a.status]}>{t(`assistanceApply.statuses.${a.status}`)}</Tag>
                    ),
                  },
                  { title: t('assistanceApply.paidOn'), dataIndex: 'paidOn', key: 'p' },
                  {
                    title: '',
                    key: 'open',
                    render: (_, a) => (
                      <Link to={`/assistance/applications?inbox=all&id=${a.id}`}>{w('openApplication')}</Link>
                    ),
                  },
                ]}
              />
            </QueryView>
          </Space>
        )}
      </QueryView>
    </Card>
  );
}

export default MemberLedgerPage;
