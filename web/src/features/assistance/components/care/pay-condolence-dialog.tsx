import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { payCondolence, type Condolence, type PayCondolenceInput } from '@/features/assistance/api/care';
import { FundSelect } from '@/features/assistance/components/fund-select';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { shanghaiToday } from '@/lib/dates';

interface Props {
  condolence: Condolence;
  onDone: () => Promise<unknown>;
  onClose: () => void;
}

/** Pays a proposed condolence from a fund that covers the organization, through the fund's ledger. */
export function PayCondolenceDialog({ condolence, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const w = (key: string) => t(`assistanceCare.condolences.${key}`);
  return (
    <FormModal<PayCondolenceInput>
      title={`${w('pay')}：${condolence.name}`}
      fields={['fundId', 'amount', 'paidOn', 'reference']}
      initialValues={{ amount: condolence.amount, paidOn: shanghaiToday() }}
      onSubmit={async (values) => {
        await payCondolence(condolence, values);
        await onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="fundId" label={w('fund')} required>
        <FundSelect />
      </Form.Item>
      <Form.Item name="amount" label={w('amount')}>
        <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="paidOn" label={w('paidOn')} required>
        <DateField max={shanghaiToday()} />
      </Form.Item>
      <Form.Item name="reference" label={w('reference')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
