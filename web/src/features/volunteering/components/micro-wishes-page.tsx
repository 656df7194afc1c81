import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  InputNumber,
  Pagination,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Tag,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  exportMicroWishes,
  useMicroWishCounts,
  useMicroWishes,
  wishStates,
  type MicroWish,
  type MicroWishFilter,
  type RevealableWishField,
  type WishState,
} from '@/features/volunteering/api/micro-wishes';
import { CancelWishDialog } from '@/features/volunteering/components/micro-wishes/cancel-wish-dialog';
import { ClaimWishDialog } from '@/features/volunteering/components/micro-wishes/claim-wish-dialog';
import { ConfirmReceiptDialog } from '@/features/volunteering/components/micro-wishes/confirm-receipt-dialog';
import { DeliverWishDialog } from '@/features/volunteering/components/micro-wishes/deliver-wish-dialog';
import { PlaceWishDialog } from '@/features/volunteering/components/micro-wishes/place-wish-dialog';
import { RevealWishDialog } from '@/features/volunteering/components/micro-wishes/reveal-wish-dialog';
import { ExportButtons } from '@/components/export-buttons';
import { OrganizationSelect } from '@/components/organization-select';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import { useTableState } from '@/hooks/use-table-state';
import { useUrlFilter } from '@/hooks/use-url-state';
import { useCan } from '@/lib/auth';
import { remember, remembered } from '@/lib/remembered';

const filterKinds = {
  state: 'string',
  organizationId: 'string',
  includeDescendants: 'boolean',
  year: 'number',
} as const;

type Step = 'claim' | 'deliver' | 'confirm' | 'cancel' | 'reveal';

const stateColors: Record<WishState, string> = {
  Open: 'blue',
  Claimed: 'orange',
  Delivered: 'cyan',
  Received: 'green',
  Cancelled: 'default',
};

/**
 * The micro-wish wall for staff (微心愿): cards or a table filtered by state, community and year; each wish offers the
 * steps its state allows (claim, deliver, confirm receipt, cancel); the resident's name and phone stay masked unless
 * revealed with a reason.
 */
export function MicroWishesPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canWrite = useCan('volunteering.write');
  const canReveal = useCan('volunteering.reveal-pii');
  const table = useTableState('-placedOn', 20);
  const [filter, setFilter] = useUrlFilter<MicroWishFilter>({ includeDescendants: true }, filterKinds);
  const wishes = useMicroWishes(filter, table.query);
  const counts = useMicroWishCounts(filter.organizationId, filter.year);
  const [view, setView] = useState<'cards' | 'table'>(() =>
    remembered('jiceng.wishes.view') === 'table' ? 'table' : 'cards',
  );
  const [placing, setPlacing] = useState(false);
  const [acting, setActing] = useState<{ step: Step; wish: MicroWish }>();
  const [revealed, setRevealed] = useState<{ wish: MicroWish; field: RevealableWishField; value: string | null }>();
  const refresh = () => client.invalidateQueries({ queryKey: ['volunteering', 'wishes'] });

  function change(part: Partial<MicroWishFilter>) {
    setFilter(part);
    table.reset();
  }

  const actions = (wish: MicroWish) => (
    <Space size={4} wrap>
      {canWrite && wish.allowedSteps.includes('Claim') && (
        <Button size="small" type="primary" onClick={() => setActing({ step: 'claim', wish })}>
          {t('wishes.claim')}
        </Button>
      )}
      {canWrite && wish.allowedSteps.includes('Deliver') && (
        <Button size="small" type="primary" onClick={() => setActing({ step: 'deliver', wish })}>
          {t('wishes.deliver')}
        </Button>
      )}
      {canWrite && wish.allowedSteps.includes('ConfirmReceipt') && (
        <Button size="small" type="primary" onClick={() => setActing({ step: 'confirm', wish })}>
          {t('wishes.confirm')}
        </Button>
      )}
      {canWrite && wish.allowedSteps.includes('Cancel') && (
        <Button size="small" onClick={() => setActing({ step: 'cancel', wish })}>
          {t('wishes.cancel')}
        </Button>
      )}
      {canReveal && (
        <Button size="small" type="link" onClick={() => setActing({ step: 'reveal', wish })}>
          {t('wishes.reveal')}
        </Button>
      )}
    </Space>
  );

  const stateTag = (state: WishState) => <Tag color={stateColors[state]}>{t(`wishes.states.${state}`)}</Tag>;
  const person = (wish: MicroWish) => [wish.personName, wish.personPhone].filter(Boolean).join(' · ');
  const claimant = (wish: MicroWish) =>
    wish.claimantName ? `${t(`wishes.claimantKinds.${wish.claimantKind!}`)}：${wish.claimantName}` : '—';

  return (
    <Card
      title={<PageHeading>{t('wishes.title')}</PageHeading>}
      extra={
        <Space className="no-print" wrap>
          <ExportButtons onExport={(format) => exportMicroWishes(filter, table.query.sort, format)} />
          {canWrite && (
            <Button type="primary" onClick={() => setPlacing(true)}>
              {t('wishes.place')}
            </Button>
          )}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<WishState | 'all'>
          aria-label={t('wishes.state')}
          value={filter.state ?? 'all'}
          onChange={(value) => change({ state: value === 'all' ? undefined : value })}
          options={[
            { value: 'all', label: t('wishes.allStates') },
            ...wishStates.map((s) => ({ value: s, label: t(`wishes.states.${s}`) })),
          ]}
        />
        <div className="filter-field" style={{ width: 320, maxWidth: '100%' }}>
          <OrganizationSelect
            aria-label={t('wishes.community')}
            value={filter.organizationId}
            onChange={(value) => change({ organizationId: (value as string) || undefined })}
          />
        </div>
        <Checkbox
          checked={filter.includeDescendants}
          onChange={(e) => change({ includeDescendants: e.target.checked })}
        >
          {t('wishes.includeDescendants')}
        </Checkbox>
        <InputNumber
          aria-label={t('wishes.year')}
          placeholder={t('wishes.allYears')}
          min={2000}
          max={2100}
          style={{ width: 120 }}
          value={filter.year}
          onChange={(v) => change({ year: v ?? undefined })}
        />
        <Segmented<'cards' | 'table'>
          aria-label={t('wishes.cards')}
          value={view}
          onChange={(value) => {
            remember('jiceng.wishes.view', value);
            setView(value);
          }}
          options={[
            { value: 'cards', label: t('wishes.cards') },
            { value: 'table', label: t('wishes.table') },
          ]}
        />
      </Space>
      {counts.data && (
        <Row gutter={[16, 8]} style={{ marginBottom: 12 }}>
          {(['placed', 'claimed', 'delivered', 'received'] as const).map((key) => (
            <Col key={key} xs={12} sm={6}>
              <Statistic title={`${counts.data.year} · ${t(`wishes.${key}`)}`} value={counts.data.total[key]} />
            </Col>
          ))}
        </Row>
      )}
      {revealed && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setRevealed(undefined)}
          style={{ marginBottom: 12 }}
          title={`${revealed.wish.description} · ${t('wishes.revealed', {
            field: t(revealed.field === 'PersonName' ? 'wishes.personName' : 'wishes.personPhone'),
            value: revealed.value ?? '—',
          })}`}
        />
      )}
      <QueryView query={wishes}>
        {view === 'table' ? (
          <Table<MicroWish>
            rowKey="id"
            size="small"
            loading={wishes.isFetching}
            dataSource={wishes.data?.items}
            pagination={table.pagination(wishes.data?.total)}
            onChange={table.onChange}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('wishes.empty') }}
            columns={[
              { title: t('wishes.description'), dataIndex: 'description', key: 'description' },
              { title: t('wishes.kind'), key: 'kind', render: (_, w) => t(`wishes.kinds.${w.kind}`) },
              { title: t('wishes.community'), dataIndex: 'organizationName', key: 'organizationName' },
              {
                title: t('wishes.estimatedValue'),
                dataIndex: 'estimatedValue',
                key: 'estimatedValue',
                align: 'right',
                render: (v: number) => v.toFixed(2),
                ...table.sortable('estimatedValue'),
              },
              { title: t('wishes.personName'), key: 'person', render: (_, w) => person(w) },
              { title: t('wishes.state'), key: 'state', render: (_, w) => stateTag(w.state) },
              { title: t('wishes.claimant'), key: 'claimant', render: (_, w) => claimant(w) },
              { title: t('wishes.placedOn'), dataIndex: 'placedOn', key: 'placedOn', ...table.sortable('placedOn') },
              {
                title: t('wishes.deliveredOn'),
                dataIndex: 'deliveredOn',
                key: 'deliveredOn',
                render: (d: string | null | undefined) => d ?? '—',
                ...table.sortable('deliveredOn'),
              },
              { title: '', key: 'actions', render: (_, w) => actions(w) },
            ]}
          />
        ) : wishes.data && wishes.data.items.length === 0 ? (
          <Empty description={t('wishes.empty')} />
        ) : (
          <>
            <Row gutter={[12, 12]}>
              {wishes.data?.items.map((wish) => (
                <Col key={wish.id} xs={24} sm={12} lg={8} xxl={6}>
                  <Card
                    size="small"
                    title={t(`wishes.kinds.${wish.kind}`)}
                    extra={stateTag(wish.state)}
                    actions={[<div key="actions">{actions(wish)}</div>]}
                  >
                    <p style={{ fontSize: 16, marginTop: 0 }}>{wish.description}</p>
                    <Space direction="vertical" size={2} style={{ color: 'rgba(0,0,0,0.65)' }}>
                      <span>
                        {wish.organizationName} · ¥{wish.estimatedValue.toFixed(2)}
                      </span>
                      <span>
                        {t('wishes.personName')}：{person(wish)}
                      </span>
                      <span>
                        {t('wishes.claimant')}：{claimant(wish)}
                      </span>
                      <span>
                        {t('wishes.placedOnShort', { date: wish.placedOn })}
                        {wish.deliveredOn ? ` · ${t('wishes.deliveredOnShort', { date: wish.deliveredOn })}` : ''}
                      </span>
                    </Space>
                  </Card>
                </Col>
              ))}
            </Row>
            {(wishes.data?.total ?? 0) > table.query.pageSize && (
              <Pagination
                style={{ marginTop: 12, textAlign: 'right' }}
                {...table.pagination(wishes.data?.total)}
                onChange={(current, pageSize) => table.onChange({ current, pageSize }, {}, undefined)}
              />
            )}
          </>
        )}
      </QueryView>
      {placing && <PlaceWishDialog onChanged={refresh} onClose={() => setPlacing(false)} />}
      {acting?.step === 'claim' && (
        <ClaimWishDialog wish={acting.wish} onChanged={refresh} onClose={() => setActing(undefined)} />
      )}
      {acting?.step === 'deliver' && (
        <DeliverWishDialog wish={acting.wish} onChanged={refresh} onClose={() => setActing(undefined)} />
      )}
      {acting?.step === 'confirm' && (
        <ConfirmReceiptDialog wish={acting.wish} onChanged={refresh} onClose={() => setActing(undefined)} />
      )}
      {acting?.step === 'cancel' && (
        <CancelWishDialog wish={acting.wish} onChanged={refresh} onClose={() => setActing(undefined)} />
      )}
      {acting?.step === 'reveal' && (
        <RevealWishDialog
          wish={acting.wish}
          onRevealed={(field, value) => setRevealed({ wish: acting.wish, field, value })}
          onClose={() => setActing(undefined)}
        />
      )}
    </Card>
  );
}

export default MicroWishesPage;
