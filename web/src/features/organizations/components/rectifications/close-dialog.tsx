import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { closeRectification, type CloseRectificationInput } from '@/features/organizations/api/rectifications';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { shanghaiToday } from '@/lib/dates';

interface Props {
  organizationId: string;
  rectificationId: string;
  /** The version read, for If-Match. */
  etag: string;
  onClosed: () => Promise<void>;
  /** After a 412: read the rectification again. */
  onReload: () => void;
  onClose: () => void;
}

/** Closes a rectification with its closing note, with the version read. */
export function CloseRectificationDialog({
  organizationId,
  rectificationId,
  etag,
  onClosed,
  onReload,
  onClose,
}: Props) {
  const { t } = useTranslation();
  return (
    <FormModal<CloseRectificationInput>
      title={t('rectifications.close')}
      fields={['closedOn', 'closureNote']}
      initialValues={{ closedOn: shanghaiToday() }}
      onSubmit={async (values) => {
        await closeRectification(organizationId, rectificationId, etag, values);
        await onClosed();
      }}
      onReload={onReload}
      onClose={onClose}
    >
      <Form.Item label={t('rectifications.closedOn')} name="closedOn">
        <DateField />
      </Form.Item>
      <Form.Item label={t('rectifications.closureNote')} name="closureNote" required>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
