import { Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { transferMember, type TransferMemberInput } from '@/features/members/api/transfers';
import type { MemberAction, MemberDialogProps } from '@/features/members/components/member-drawer/member-action';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { OrganizationSelect } from '@/components/organization-select';

/** A transfer letter out: to an organization in the system, or to one outside it by name. */
function TransferDialog({ member, onChanged, onClose }: MemberDialogProps) {
  const { t } = useTranslation();
  return (
    <FormModal<TransferMemberInput>
      title={`${t('transfers.transferOut')} · ${member.name}`}
      fields={['toOrganizationId', 'toExternal', 'letterNumber', 'issuedOn', 'acrossProvinces']}
      onSubmit={async (values) => {
        await transferMember(member.id, values);
        await onChanged();
      }}
      onClose={onClose}
    >
      <Form.Item label={t('transfers.toOrganization')} name="toOrganizationId">
        <OrganizationSelect aria-label={t('transfers.toOrganization')} scope="all" />
      </Form.Item>
      <Form.Item label={t('transfers.toExternal')} name="toExternal" extra={t('transfers.toExternalHint')}>
        <Input />
      </Form.Item>
      <Form.Item label={t('transfers.letter')} name="letterNumber" required>
        <Input />
      </Form.Item>
      <Form.Item label={t('transfers.issuedOn')} name="issuedOn">
        <DateField />
      </Form.Item>
      <Form.Item name="acrossProvinces" valuePropName="checked" extra={t('transfers.acrossProvincesHint')}>
        <Checkbox>{t('transfers.acrossProvinces')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}

export const transferOut: MemberAction = {
  key: 'transfer',
  label: 'transfers.transferOut',
  offered: (member) => member.status === 'Active',
  Dialog: TransferDialog,
};
