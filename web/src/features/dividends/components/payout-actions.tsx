import { Alert, App, Button, Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { markPayoutFailed, reissuePayout, reversePayout } from '@/features/dividends/api/payouts';
import { planKey, type Payout } from '@/features/dividends/api/plans';
import { formatYuan } from '@/features/dividends/money';

export type PayoutAction = 'reissue' | 'reverse' | 'fail';

/**
 * What may follow a payout, as the ledger allows it: a failed transfer is re-issued, a paid payout reversed (a
 * reversal itself never is), an unpaid one going to a bank account marked failed. The server still decides (a
 * payout re-issued or reversed already is refused with 409, shown in the dialog).
 */
export function payoutActions(payout: Payout): PayoutAction[] {
  if (payout.kind === 'Reversal') {
    return [];
  }
  if (payout.status === 'Failed') {
    return ['reissue'];
  }
  if (payout.status === 'Paid') {
    return ['reverse'];
  }
  return payout.bankAccountMasked ? ['fail'] : [];
}

export function PayoutActionButtons({ payout, onPick }: { payout: Payout; onPick: (action: PayoutAction) => void }) {
  const { t } = useTranslation();
  return (
    <>
      {payoutActions(payout).map((action) => (
        <Button key={action} size="small" danger={action !== 'reissue'} onClick={() => onPick(action)}>
          {t(`dividendPayouts.${action}`)}
        </Button>
      ))}
    </>
  );
}

type ActionForm = { note?: string; reason?: string; reversedOn?: string };

const fieldsOf: Record<PayoutAction, (keyof ActionForm)[]> = {
  reissue: ['note'],
  reverse: ['reversedOn', 'reason'],
  fail: ['reason'],
};

/**
 * One follow-up on one payout: If-Match on the payout as listed, and for re-issue and reversal an Idempotency-Key
 * made when the dialog opened (`idempotencyKey`), so a retry adds one entry. Field errors land on their fields, a
 * refusal (409) shows above the form, a stale payout (412) offers a reload.
 */
export function PayoutActionModal({
  planId,
  payout,
  action,
  idempotencyKey,
  onClose,
  onReload,
}: {
  planId: string;
  payout: Payout;
  action: PayoutAction;
  idempotencyKey: string;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { message } = App.useApp();
  return (
    <FormModal<ActionForm>
      title={`${t(`dividendPayouts.${action}`)} · ${payout.name} · ${formatYuan(payout.amount)} ${t(
        'dividendScreens.yuan',
      )}`}
      fields={fieldsOf[action]}
      initialValues={action === 'reverse' ? { reversedOn: new Date().toISOString().slice(0, 10) } : {}}
      okText={t(`dividendPayouts.${action}`)}
      onSubmit={async (values) => {
        if (action === 'reissue') {
          await reissuePayout(payout, { note: values.note ?? null }, idempotencyKey);
        } else if (action === 'reverse') {
          await reversePayout(
            payout,
            { reversedOn: values.reversedOn ?? '', reason: values.reason ?? '' },
            idempotencyKey,
          );
        } else {
          await markPayoutFailed(payout, { reason: values.reason ?? '' });
        }
        void message.success(t(`dividendPayouts.done.${action}`));
        await client.invalidateQueries({ queryKey: planKey(planId) });
      }}
      onReload={onReload}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t(`dividendPayouts.${action}Help`)} style={{ marginBottom: 12 }} />
      {action === 'reissue' && (
        <Form.Item name="note" label={t('dividendPayouts.note')}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      )}
      {action === 'reverse' && (
        <Form.Item name="reversedOn" label={t('dividendPayouts.reversedOn')} required>
          <DateField />
        </Form.Item>
      )}
      {action !== 'reissue' && (
        <Form.Item
          name="reason"
          label={t(action === 'fail' ? 'dividendPayouts.failReason' : 'dividendPayouts.reason')}
          required
        >
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      )}
    </FormModal>
  );
}
