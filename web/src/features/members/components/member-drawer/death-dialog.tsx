import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { recordDeath, type RecordDeathInput } from '@/features/members/api/members';
import type { MemberAction, MemberDialogProps } from '@/features/members/components/member-drawer/member-action';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';

/** A death, with the version read; the record and its history stay. */
function DeathDialog({ member, etag, reload, onChanged, onClose }: MemberDialogProps) {
  const { t } = useTranslation();
  return (
    <FormModal<RecordDeathInput>
      title={`${t('members.recordDeath')} · ${member.name}`}
      fields={['diedOn']}
      okText={t('members.recordDeath')}
      onSubmit={async (values) => {
        await recordDeath(member.id, etag, values);
        await reload();
        await onChanged();
      }}
      onReload={() => void reload()}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t('members.recordDeathNote')} style={{ marginBottom: 12 }} />
      <Form.Item label={t('members.diedOn')} name="diedOn" required>
        <DateField />
      </Form.Item>
    </FormModal>
  );
}

export const recordDeathAction: MemberAction = {
  key: 'death',
  label: 'members.recordDeath',
  danger: true,
  offered: (member) => member.status === 'Active',
  Dialog: DeathDialog,
};
