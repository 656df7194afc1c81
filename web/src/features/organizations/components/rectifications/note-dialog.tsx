import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { addRectificationNote, type RectificationNoteInput } from '@/features/organizations/api/rectifications';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { shanghaiToday } from '@/lib/dates';

interface Props {
  organizationId: string;
  rectificationId: string;
  onAdded: () => Promise<void>;
  onClose: () => void;
}

/** A progress note; notes are appended, so no version is needed. */
export function RectificationNoteDialog({ organizationId, rectificationId, onAdded, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal<RectificationNoteInput>
      title={t('rectifications.addNote')}
      fields={['notedOn', 'content']}
      initialValues={{ notedOn: shanghaiToday() }}
      onSubmit={async (values) => {
        await addRectificationNote(organizationId, rectificationId, values);
        await onAdded();
      }}
      onClose={onClose}
    >
      <Form.Item label={t('rectifications.notedOn')} name="notedOn">
        <DateField />
      </Form.Item>
      <Form.Item label={t('rectifications.noteContent')} name="content" required>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
