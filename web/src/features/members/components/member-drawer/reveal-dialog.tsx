import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { revealMemberData, type RevealableField } from '@/features/members/api/members';
import { FormModal } from '@/components/form-modal';

interface Props {
  memberId: string;
  field: RevealableField;
  onRevealed: (value: string | null) => void;
  onClose: () => void;
}

/** Asks for the reason (audited) before the whole value of a masked field is shown once. */
export function RevealDialog({ memberId, field, onRevealed, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal<{ reason: string }>
      title={t('members.revealTitle', { field: t(revealedLabel(field)) })}
      fields={['reason']}
      okText={t('members.reveal')}
      onSubmit={async ({ reason }) => onRevealed(await revealMemberData(memberId, field, reason ?? ''))}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t('members.revealAudited')} style={{ marginBottom: 12 }} />
      <Form.Item label={t('members.revealReason')} name="reason" required>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

/** The i18n key of a revealable field's name. */
export function revealedLabel(field: RevealableField): string {
  return field === 'IdNumber' ? 'members.idNumber' : 'members.phone';
}
