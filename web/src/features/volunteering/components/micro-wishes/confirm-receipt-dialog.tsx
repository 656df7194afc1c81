import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { confirmMicroWishReceipt, type ConfirmMicroWishReceiptInput } from '@/features/volunteering/api/micro-wishes';
import type { WishDialogProps } from '@/features/volunteering/components/micro-wishes/wish-dialog';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { shanghaiToday } from '@/lib/dates';

/** The resident confirms the wish came true, in their own words as staff write them down. */
export function ConfirmReceiptDialog({ wish, onChanged, onClose }: WishDialogProps) {
  const { t } = useTranslation();
  return (
    <FormModal<ConfirmMicroWishReceiptInput>
      title={`${t('wishes.confirmTitle')} · ${wish.description}`}
      fields={['receivedOn', 'note']}
      initialValues={{ receivedOn: shanghaiToday() }}
      onSubmit={async (values) => {
        await confirmMicroWishReceipt(wish, values);
        await onChanged();
      }}
      onReload={() => void onChanged()}
      onClose={onClose}
    >
      <Form.Item label={t('wishes.receivedOn')} name="receivedOn" required>
        <DateField />
      </Form.Item>
      <Form.Item label={t('wishes.receiptNote')} name="note">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
