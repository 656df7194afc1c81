import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { declineCondolence, type Condolence, type DeclineCondolenceInput } from '@/features/assistance/api/care';
import { FormModal } from '@/components/form-modal';

interface Props {
  condolence: Condolence;
  onDone: () => Promise<unknown>;
  onClose: () => void;
}

/** Declines a proposed condolence, with the reason. */
export function DeclineCondolenceDialog({ condolence, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const w = (key: string) => t(`assistanceCare.condolences.${key}`);
  return (
    <FormModal<DeclineCondolenceInput>
      title={`${w('decline')}：${condolence.name}`}
      fields={['reason']}
      onSubmit={async (values) => {
        await declineCondolence(condolence, values);
        await onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="reason" label={w('reason')} required>
        <Input.TextArea maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
