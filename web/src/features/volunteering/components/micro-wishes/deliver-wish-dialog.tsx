import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { deliverMicroWish, type DeliverMicroWishInput } from '@/features/volunteering/api/micro-wishes';
import type { WishDialogProps } from '@/features/volunteering/components/micro-wishes/wish-dialog';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { shanghaiToday } from '@/lib/dates';

/** The claimant handed the wish over: the day (not before the claim) and a note. */
export function DeliverWishDialog({ wish, onChanged, onClose }: WishDialogProps) {
  const { t } = useTranslation();
  return (
    <FormModal<DeliverMicroWishInput>
      title={`${t('wishes.deliverTitle')} · ${wish.description}`}
      fields={['deliveredOn', 'note']}
      initialValues={{ deliveredOn: shanghaiToday() }}
      onSubmit={async (values) => {
        await deliverMicroWish(wish, values);
        await onChanged();
      }}
      onReload={() => void onChanged()}
      onClose={onClose}
    >
      <Form.Item label={t('wishes.deliveredOn')} name="deliveredOn" required>
        <DateField />
      </Form.Item>
      <Form.Item label={t('wishes.deliveryNote')} name="note">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
