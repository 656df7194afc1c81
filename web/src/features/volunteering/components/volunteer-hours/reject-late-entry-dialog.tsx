import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '@/components/form-modal';

export function RejectLateEntryDialog({
  onClose,
  onSubmit,
}: {
  onClose: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  return (
    <FormModal<{ reason: string }>
      title={t('volunteerHours.reject')}
      fields={['reason']}
      onClose={onClose}
      onSubmit={(values) => onSubmit(values.reason)}
    >
      <Form.Item name="reason" label={t('volunteerHours.rejectReason')} required>
        <Input.TextArea maxLength={200} rows={3} />
      </Form.Item>
    </FormModal>
  );
}
