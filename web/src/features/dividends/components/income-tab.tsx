import {
  Alert,
  Button,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Typography,
  type FormInstance,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '@/components/form-modal';
import {
  checkIncome,
  recordIncome,
  useIncomeStatements,
  type IncomeCheck,
  type IncomeInput,
  type IncomeLimits,
  type IncomeStatement,
} from '@/features/dividends/api/register';
import { formatYuan } from '@/features/dividends/money';
import { useCan } from '@/lib/auth';
import { QueryView } from '@/components/query-view';
import type { components } from '@/types/api';

const amounts = [
  'operatingIncome',
  'investmentIncome',
  'otherIncome',
  'grantIncome',
  'landCompensation',
  'costs',
  'lossesCarried',
  'reserve',
  'memberDividends',
  'byVolumeReturn',
] as const;

type IncomeForm = IncomeInput & { year: number };

/** Yearly income statements, each with the distributable amount and the local limits that bound it. */
export function IncomeTab({ collective }: { collective: components['schemas']['CollectiveResponse'] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canWrite = useCan('dividends.write');
  const incomes = useIncomeStatements(collective.id);
  const [editing, setEditing] = useState<IncomeStatement | 'new'>();
  const cooperative = collective.kind === 'BranchLedCooperative';
  const shown = amounts.filter((a) => cooperative || a !== 'byVolumeReturn');
  const current = editing === 'new' ? undefined : editing;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canWrite && (
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('dividendScreens.newIncome')}
        </Button>
      )}
      <QueryView query={incomes}>
        {incomes.data?.length === 0 && (
          <Typography.Text type="secondary">{t('dividendScreens.noIncome')}</Typography.Text>
        )}
        {(incomes.data ?? []).map((income) => (
          <section key={income.id} aria-label={`${income.year}`} style={{ marginBottom: 24 }}>
            <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
              <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                {t('dividendScreens.incomeYear')} {income.year}
              </Typography.Title>
              {canWrite && <Button onClick={() => setEditing(income)}>{t('dividendScreens.editIncome')}</Button>}
            </Space>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={shown.map((name) => ({
                key: name,
                label: t(`dividendScreens.income.${name}`),
                children: formatYuan(income[name]),
              }))}
            />
            <LimitsView limits={income.limits} />
          </section>
        ))}
      </QueryView>
      {editing && (
        <FormModal<IncomeForm>
          title={current ? `${t('dividendScreens.incomeYear')} ${current.year}` : t('dividendScreens.newIncome')}
          fields={['year', ...shown, 'notes']}
          initialValues={current ?? { year: new Date().getFullYear() - 1 }}
          onSubmit={async ({ year, ...body }) => {
            await recordIncome(collective.id, current?.year ?? year, body, current?.version);
            await client.invalidateQueries({ queryKey: ['dividends', 'collective', collective.id] });
          }}
          onReload={() => void incomes.refetch()}
          onClose={() => setEditing(undefined)}
        >
          {(form) => (
            <>
              <Form.Item name="year" label={t('dividendScreens.incomeYear')}>
                <InputNumber min={2000} max={2100} precision={0} disabled={current !== undefined} />
              </Form.Item>
              <Space wrap>
                {shown.map((name) => (
                  <Form.Item key={name} name={name} label={t(`dividendScreens.income.${name}`)}>
                    <InputNumber min={0} precision={2} style={{ width: 200 }} addonAfter={t('dividendScreens.yuan')} />
                  </Form.Item>
                ))}
              </Space>
              <Form.Item name="notes" label={t('dividendScreens.income.notes')}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <LiveCheck form={form} collectiveId={collective.id} />
            </>
          )}
        </FormModal>
      )}
    </Space>
  );
}

/** Checks the figures as they are typed (a short pause after the last key): the limits and any rule broken. */
function LiveCheck({ form, collectiveId }: { form: FormInstance<IncomeForm>; collectiveId: string }) {
  const { t } = useTranslation();
  const values = Form.useWatch([], form) as IncomeForm | undefined;
  const [check, setCheck] = useState<IncomeCheck>();
  const key = JSON.stringify(values ?? {});
  useEffect(() => {
    const v = JSON.parse(key) as Partial<IncomeForm>;
    if (v.operatingIncome == null || v.costs == null || v.reserve == null || v.memberDividends == null) {
      return;
    }
    const timer = setTimeout(() => {
      const { year: _year, ...body } = v as IncomeForm;
      checkIncome(collectiveId, body).then(setCheck, () => setCheck(undefined));
    }, 400);
    return () => clearTimeout(timer);
  }, [key, collectiveId]);
  if (!check) {
    return null;
  }
  return (
    <>
      {check.breaches.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('dividendScreens.limits.breaches')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {check.breaches.map((b) => (
                <li key={b.code}>
                  {b.message}（{t('dividendScreens.limits.entered')} {formatYuan(b.entered)}，
                  {t('dividendScreens.limits.bound')} {formatYuan(b.bound)}；{b.rule}）
                </li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert type="success" showIcon title={t('dividendScreens.limits.ok')} />
      )}
      <LimitsView limits={check.limits} />
    </>
  );
}

/** The computed amounts and each local rule with its figure and source. */
export function LimitsView({ limits }: { limits: IncomeLimits }) {
  const { t } = useTranslation();
  const figures = [
    'netIncome',
    'afterLosses',
    'reserveMinimum',
    'distributable',
    'dividendMaximum',
    'byVolumeMinimum',
  ] as const;
  return (
    <div style={{ marginTop: 12 }}>
      <Typography.Text strong>{t('dividendScreens.limits.title')}</Typography.Text>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={figures.map((name) => ({
          key: name,
          label: t(`dividendScreens.limits.${name}`),
          children: <strong>{formatYuan(limits[name])}</strong>,
        }))}
      />
      <Table
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={limits.rules}
        scroll={{ x: 560 }}
        columns={[
          { title: t('dividendScreens.limits.rule'), dataIndex: 'label' },
          { title: t('dividendScreens.limits.value'), dataIndex: 'value', align: 'right' },
          { title: t('dividendScreens.limits.source'), dataIndex: 'source' },
        ]}
      />
    </div>
  );
}
