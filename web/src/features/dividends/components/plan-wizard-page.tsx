import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Steps, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { DateField } from '@/components/date-field';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import {
  createPlan,
  previewPlan,
  type PlanLine,
  type PlanPartInput,
  type PlanPreview,
  type PlanTerms,
} from '@/features/dividends/api/plans';
import { useCollective } from '@/features/dividends/api/register';
import { formatFen, formatRate, formatYuan, sumFen, toFen } from '@/features/dividends/money';
import { ApiError, fieldErrorsFor } from '@/lib/problem';

type PartForm = Omit<PlanPartInput, 'weights'> & { weights?: Record<string, number | null> };
type WizardForm = Omit<PlanTerms, 'collectiveId' | 'parts'> & { parts: PartForm[] };

const stepFields: (keyof WizardForm)[][] = [['year', 'title', 'cutOffOn'], ['parts'], []];

/**
 * The plan wizard: the terms (year, title, the register's cut-off day), the method of each part (by shares with the
 * type weights, or a fixed amount per person, household or share; several parts in one plan), and a preview of every
 * payout with their sum, which must equal the pool to the 分 before the plan is saved.
 */
export function PlanWizardPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const collective = useCollective(id);
  const [form] = Form.useForm<WizardForm>();
  const [step, setStep] = useState(0);
  const [preview, setPreview] = useState<PlanPreview>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  // One key for this wizard's save: a second click or a retry after a lost answer saves one plan.
  const [saveKey] = useState(() => crypto.randomUUID());
  const shareTypes = useMemo(() => collective.data?.shareTypes ?? [], [collective.data]);

  function terms(): PlanTerms {
    const values = form.getFieldsValue(true) as WizardForm;
    return {
      collectiveId: id!,
      year: values.year,
      title: values.title,
      cutOffOn: values.cutOffOn,
      parts: (values.parts ?? []).map((part) => ({
        ...part,
        pool: part.method === 'ByShares' ? part.pool : null,
        amount: part.method === 'ByShares' ? null : part.amount,
        weights:
          part.method === 'ByShares'
            ? {
                // A type left blank (or not yet shown when the step opened) weighs what the collective says.
                ...Object.fromEntries(shareTypes.map((type) => [type.id, type.weight])),
                ...Object.fromEntries(
                  Object.entries(part.weights ?? {}).filter(([, w]) => w !== null && w !== undefined),
                ),
              }
            : null,
      })) as PlanPartInput[],
    };
  }

  /** A refusal lands on its field when the form has it (parts[0].pool), above the form otherwise. */
  function showProblem(error: unknown) {
    if (error instanceof ApiError && error.status === 400) {
      const { fields, other } = fieldErrorsFor(error, ['year', 'title', 'cutOffOn', 'parts']);
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      setProblem(other.join(' ') || (fields.length ? undefined : error.message));
      const first = fields[0]?.name[0];
      const back = stepFields.findIndex((names) => names.includes(first as keyof WizardForm));
      if (back >= 0) {
        setStep(back);
      }
    } else {
      setProblem(error instanceof ApiError ? error.message : t('errors.generic'));
    }
  }

  async function runPreview() {
    setBusy(true);
    setProblem(undefined);
    try {
      setPreview(await previewPlan(terms()));
      setStep(2);
    } catch (error) {
      showProblem(error);
    } finally {
      setBusy(false);
    }
  }

  async function save() {
    setBusy(true);
    setProblem(undefined);
    try {
      const plan = await createPlan(terms(), saveKey);
      void navigate(`/dividends/plans/${plan.id}`);
    } catch (error) {
      showProblem(error);
    } finally {
      setBusy(false);
    }
  }

  const poolFen = sumFen(preview?.parts.map((p) => p.pool) ?? []);
  const linesFen = sumFen(preview?.lines.map((l) => l.amount) ?? []);
  const defaultWeights = Object.fromEntries(shareTypes.map((s) => [s.id, s.weight]));
  return (
    <Card
      title={<PageHeading>{t('dividendScreens.wizard.title')}</PageHeading>}
      extra={
        collective.data && <Link to={`/dividends/collectives/${id}?tab=plans`}>{collective.data.collective.name}</Link>
      }
    >
      <QueryView query={collective}>
        <Steps
          current={step}
          size="small"
          style={{ marginBottom: 24 }}
          items={[
            { title: t('dividendScreens.wizard.terms') },
            { title: t('dividendScreens.wizard.parts') },
            { title: t('dividendScreens.wizard.preview') },
          ]}
        />
        {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 16 }} />}
        <Form<WizardForm>
          form={form}
          layout="vertical"
          initialValues={{
            year: new Date().getFullYear() - 1,
            parts: [{ kind: 'Dividend', method: 'ByShares', payeeUnit: 'Person' }],
          }}
          onValuesChange={() => setPreview(undefined)}
        >
          {step === 0 && (
            <Space wrap align="start">
              <Form.Item name="year" label={t('dividendScreens.wizard.year')}>
                <InputNumber min={2000} max={2100} precision={0} />
              </Form.Item>
              <Form.Item name="title" label={t('dividendScreens.wizard.planTitle')}>
                <Input style={{ minWidth: 260 }} />
              </Form.Item>
              <Form.Item
                name="cutOffOn"
                label={t('dividendScreens.wizard.cutOff')}
                extra={t('dividendScreens.wizard.cutOffHelp')}
              >
                <DateField />
              </Form.Item>
            </Space>
          )}
          {step === 1 && (
            <Form.List name="parts">
              {(fields, { add, remove }) => (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {fields.map((field, index) => (
                    <Card
                      key={field.key}
                      size="small"
                      title={t('dividendScreens.wizard.part', { n: index + 1 })}
                      extra={
                        fields.length > 1 && (
                          <Button size="small" danger onClick={() => remove(field.name)}>
                            {t('dividendScreens.wizard.removePart')}
                          </Button>
                        )
                      }
                    >
                      <PartFields name={field.name} shareTypes={shareTypes} />
                    </Card>
                  ))}
                  <Button
                    onClick={() => add({ kind: 'Pension', method: 'PerPerson', payeeUnit: 'Person', weights: {} })}
                  >
                    {t('dividendScreens.wizard.addPart')}
                  </Button>
                </Space>
              )}
            </Form.List>
          )}
        </Form>
        {step === 2 && preview && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Table
              rowKey="partNo"
              size="small"
              pagination={false}
              dataSource={preview.parts}
              scroll={{ x: 560 }}
              columns={[
                { title: t('dividendScreens.wizard.label'), dataIndex: 'label' },
                {
                  title: t('dividendScreens.wizard.method'),
                  dataIndex: 'method',
                  render: (m: PlanPartInput['method']) => t(`dividendScreens.wizard.methods.${m}`),
                },
                { title: t('dividendScreens.wizard.payees'), dataIndex: 'payees', align: 'right' },
                { title: t('dividendScreens.wizard.pool'), dataIndex: 'pool', align: 'right', render: formatYuan },
                { title: t('dividendScreens.wizard.sum'), dataIndex: 'sum', align: 'right', render: formatYuan },
              ]}
            />
            {linesFen === poolFen && toFen(preview.total) === poolFen ? (
              <Alert
                type="success"
                showIcon
                title={t('dividendScreens.wizard.sumMatches', { sum: formatFen(linesFen) })}
              />
            ) : (
              <Alert
                type="error"
                showIcon
                title={t('dividendScreens.wizard.sumDiffers', { sum: formatFen(linesFen), pool: formatFen(poolFen) })}
              />
            )}
            <PlanLinesTable lines={preview.lines} parts={preview.parts} />
          </Space>
        )}
        <Space style={{ marginTop: 16 }} wrap>
          {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('dividendScreens.wizard.prev')}</Button>}
          {step === 0 && (
            <Button
              type="primary"
              onClick={() => {
                setProblem(undefined);
                setStep(1);
                if (!form.getFieldValue('parts')?.[0]?.weights) {
                  form.setFieldValue(['parts', 0, 'weights'], defaultWeights);
                }
              }}
            >
              {t('dividendScreens.wizard.next')}
            </Button>
          )}
          {step === 1 && (
            <Button type="primary" loading={busy} onClick={() => void runPreview()}>
              {t('dividendScreens.wizard.runPreview')}
            </Button>
          )}
          {step === 2 && (
            <Button
              type="primary"
              loading={busy}
              disabled={!preview || linesFen !== poolFen}
              onClick={() => void save()}
            >
              {t('dividendScreens.wizard.save')}
            </Button>
          )}
        </Space>
      </QueryView>
    </Card>
  );
}

function PartFields({
  name,
  shareTypes,
}: {
  name: number;
  shareTypes: { id: string; name: string; weight: number }[];
}) {
  const { t } = useTranslation();
  const method = Form.useWatch(['parts', name, 'method']) as PlanPartInput['method'];
  return (
    <Space wrap align="start">
      <Form.Item name={[name, 'kind']} label={t('dividendScreens.wizard.kind')}>
        <Select
          style={{ width: 120 }}
          options={(['Dividend', 'Pension', 'Other'] as const).map((k) => ({
            value: k,
            label: t(`dividendScreens.wizard.kinds.${k}`),
          }))}
        />
      </Form.Item>
      <Form.Item name={[name, 'label']} label={t('dividendScreens.wizard.label')}>
        <Input style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name={[name, 'method']} label={t('dividendScreens.wizard.method')}>
        <Select
          style={{ width: 240 }}
          options={(['ByShares', 'PerPerson', 'PerHousehold', 'PerShare'] as const).map((m) => ({
            value: m,
            label: t(`dividendScreens.wizard.methods.${m}`),
          }))}
        />
      </Form.Item>
      <Form.Item name={[name, 'payeeUnit']} label={t('dividendScreens.wizard.payeeUnit')}>
        <Select
          style={{ width: 120 }}
          options={(['Person', 'Household'] as const).map((u) => ({
            value: u,
            label: t(`dividendScreens.wizard.payeeUnits.${u}`),
          }))}
        />
      </Form.Item>
      {method === 'ByShares' ? (
        <>
          <Form.Item name={[name, 'pool']} label={t('dividendScreens.wizard.pool')}>
            <InputNumber min={0} precision={2} style={{ width: 180 }} />
          </Form.Item>
          {shareTypes.map((type) => (
            <Form.Item
              key={type.id}
              name={[name, 'weights', type.id]}
              label={t('dividendScreens.wizard.weightOf', { name: type.name })}
            >
              <InputNumber min={0} step={0.1} />
            </Form.Item>
          ))}
        </>
      ) : (
        <Form.Item name={[name, 'amount']} label={t('dividendScreens.wizard.amount')}>
          <InputNumber min={0} precision={2} style={{ width: 160 }} />
        </Form.Item>
      )}
      <Form.Item name={[name, 'minAge']} label={t('dividendScreens.wizard.minAge')}>
        <InputNumber min={0} max={120} precision={0} />
      </Form.Item>
    </Space>
  );
}

/** Every payout line explaining itself: units × rate, plus the 分 it got from the remainder; the sum below. */
export function PlanLinesTable({ lines, parts }: { lines: PlanLine[]; parts: { partNo: number; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <Table<PlanLine>
      rowKey="lineNo"
      size="small"
      dataSource={lines}
      scroll={{ x: 900 }}
      pagination={{ pageSize: 50, showSizeChanger: false }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={7}>
            {t('dividendScreens.wizard.sum')}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <strong>{formatFen(sumFen(lines.map((l) => l.amount)))}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
      columns={[
        { title: t('dividendScreens.wizard.lineNo'), dataIndex: 'lineNo', width: 64 },
        {
          title: t('dividendScreens.wizard.label'),
          dataIndex: 'partNo',
          render: (no: number) => parts.find((p) => p.partNo === no)?.label,
        },
        { title: t('dividendScreens.memberName'), dataIndex: 'name' },
        { title: t('dividendScreens.idNumber'), dataIndex: 'idNumberMasked' },
        { title: t('dividendScreens.wizard.units'), dataIndex: 'units', align: 'right' },
        {
          title: t('dividendScreens.wizard.rate'),
          dataIndex: 'rate',
          align: 'right',
          render: (rate: string) => formatRate(rate),
        },
        {
          title: t('dividendScreens.wizard.remainder'),
          dataIndex: 'remainder',
          align: 'right',
          render: (r: number) => (toFen(r) ? formatYuan(r) : ''),
        },
        {
          title: t('dividendScreens.wizard.amountCol'),
          dataIndex: 'amount',
          align: 'right',
          render: formatYuan,
        },
      ]}
    />
  );
}

export default PlanWizardPage;
