import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { cancelMicroWish, type CancelMicroWishInput } from '@/features/volunteering/api/micro-wishes';
import type { WishDialogProps } from '@/features/volunteering/components/micro-wishes/wish-dialog';
import { FormModal } from '@/components/form-modal';

/** An open or claimed wish that will not come true, with the reason kept on the record. */
export function CancelWishDialog({ wish, onChanged, onClose }: WishDialogProps) {
  const { t } = useTranslation();
  return (
    <FormModal<CancelMicroWishInput>
      title={`${t('wishes.cancelTitle')} · ${wish.description}`}
      fields={['reason']}
      okText={t('wishes.cancel')}
      onSubmit={async (values) => {
        await cancelMicroWish(wish, values);
        await onChanged();
      }}
      onReload={() => void onChanged()}
      onClose={onClose}
    >
      <Form.Item label={t('wishes.reason')} name="reason" required>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
