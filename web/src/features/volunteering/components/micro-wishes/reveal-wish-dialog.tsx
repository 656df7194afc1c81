import { Alert, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { revealMicroWishData, type RevealableWishField } from '@/features/volunteering/api/micro-wishes';
import type { WishDialogProps } from '@/features/volunteering/components/micro-wishes/wish-dialog';
import { FormModal } from '@/components/form-modal';

interface RevealForm {
  field: RevealableWishField;
  reason: string;
}

/** Shows the resident's name or phone whole, for the caller who may: a reason, and an audit row. */
export function RevealWishDialog({
  wish,
  onRevealed,
  onClose,
}: Omit<WishDialogProps, 'onChanged'> & { onRevealed: (field: RevealableWishField, value: string | null) => void }) {
  const { t } = useTranslation();
  const label = (field: RevealableWishField) => t(field === 'PersonName' ? 'wishes.personName' : 'wishes.personPhone');
  return (
    <FormModal<RevealForm>
      title={`${t('wishes.reveal')} · ${wish.description}`}
      fields={['field', 'reason']}
      initialValues={{ field: 'PersonPhone' }}
      okText={t('wishes.reveal')}
      onSubmit={async ({ field, reason }) => onRevealed(field, await revealMicroWishData(wish, field, reason ?? ''))}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t('wishes.revealAudited')} style={{ marginBottom: 12 }} />
      <Form.Item label={t('wishes.revealTitle', { field: '' })} name="field" required>
        <Select
          aria-label={t('wishes.revealTitle', { field: '' })}
          options={(['PersonPhone', 'PersonName'] as const).map((f) => ({ value: f, label: label(f) }))}
        />
      </Form.Item>
      <Form.Item label={t('wishes.revealReason')} name="reason" required>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
