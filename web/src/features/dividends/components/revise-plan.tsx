import { Alert, App, Button, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { revisePlan } from '@/features/dividends/api/payouts';
import type { Plan } from '@/features/dividends/api/plans';
import { useCan } from '@/lib/auth';

type ReviseForm = { cutOffOn: string; amounts: (number | null)[]; reason?: string; documentRef?: string };

/** Plans the server revises: reviewed, on notice or approved, the latest version, before any payout. */
export function revisable(plan: Plan): boolean {
  return ['Review', 'Notice', 'Approved'].includes(plan.stage) && !plan.payoutsCreated && !plan.supersededById;
}

/**
 * 修订方案 as the usual changes need it: a new cut-off day (a member registered late) and each part's pool or fixed
 * amount; the parts' method, payees and weights stay as they are. The server computes the new version and the
 * screen opens it. An Idempotency-Key made when the dialog opened, so a retry makes one version.
 */
export function RevisePlanButton({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const canWrite = useCan('dividends.write');
  const [key, setKey] = useState<string>();
  if (!canWrite || !revisable(plan)) {
    return null;
  }
  const byShares = (i: number) => plan.parts[i].method === 'ByShares';
  return (
    <>
      <Button onClick={() => setKey(crypto.randomUUID())}>{t('dividendPayouts.revise')}</Button>
      {key && (
        <FormModal<ReviseForm>
          title={t('dividendPayouts.reviseTitle', { n: plan.versionNo + 1 })}
          fields={['cutOffOn', 'reason', 'documentRef']}
          initialValues={{
            cutOffOn: plan.cutOffOn,
            amounts: plan.parts.map((part, i) => (byShares(i) ? part.pool : part.amount)),
          }}
          okText={t('dividendPayouts.revise')}
          onSubmit={async (values) => {
            const next = await revisePlan(
              plan,
              {
                reason: values.reason ?? '',
                documentRef: values.documentRef ?? null,
                terms: {
                  collectiveId: plan.collectiveId,
                  year: plan.year,
                  title: plan.title,
                  cutOffOn: values.cutOffOn,
                  parts: plan.parts.map((part, i) => ({
                    kind: part.kind,
                    label: part.label,
                    method: part.method,
                    payeeUnit: part.payeeUnit,
                    pool: byShares(i) ? values.amounts[i] : null,
                    amount: byShares(i) ? null : values.amounts[i],
                    weights: byShares(i) ? part.weights : null,
                    minAge: part.minAge ?? null,
                  })),
                },
              },
              key,
            );
            void message.success(t('dividendPayouts.reviseDone', { n: next.versionNo }));
            void navigate(`/dividends/plans/${next.id}`);
          }}
          onClose={() => setKey(undefined)}
        >
          <Alert type="info" showIcon title={t('dividendPayouts.reviseHelp')} style={{ marginBottom: 12 }} />
          <Form.Item name="cutOffOn" label={t('dividendScreens.wizard.cutOff')} required>
            <DateField />
          </Form.Item>
          {plan.parts.map((part, i) => (
            <Form.Item
              key={part.partNo}
              name={['amounts', i]}
              label={`${part.label} · ${t(`dividendScreens.wizard.${byShares(i) ? 'pool' : 'amount'}`)}`}
              required
            >
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          ))}
          <Form.Item name="reason" label={t('dividendPayouts.reviseReason')} required>
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
          <Form.Item name="documentRef" label={t('dividendScreens.documentRef')}>
            <Input maxLength={100} />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
