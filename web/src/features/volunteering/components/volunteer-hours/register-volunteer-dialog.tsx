import { Form, Input, Radio, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { registerVolunteer, type RegisterVolunteerInput } from '@/features/volunteering/api/volunteer-hours';
import { FormModal } from '@/components/form-modal';
import { OrganizationSelect } from '@/components/organization-select';
import { MemberPicker } from '@/components/member-picker';

/** A resident (name and phone, the phone kept encrypted) or a party member by their register id. */
export function RegisterVolunteerDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <FormModal<RegisterVolunteerInput>
      title={t('volunteerHours.register')}
      fields={['organizationId', 'kind', 'memberId', 'name', 'phone', 'skills']}
      initialValues={{ kind: 'Resident' }}
      onClose={onClose}
      onSubmit={async (values) => {
        await registerVolunteer(values);
        await client.invalidateQueries({ queryKey: ['volunteering', 'hours'] });
        onClose();
      }}
    >
      {(form) => (
        <>
          <Form.Item name="organizationId" label={t('volunteerHours.organization')} required>
            <OrganizationSelect />
          </Form.Item>
          <Form.Item name="kind" label={t('volunteerHours.kind')} required>
            <Radio.Group
              options={[
                { value: 'Resident', label: t('volunteerHours.kinds.Resident') },
                { value: 'Member', label: t('volunteerHours.kinds.Member') },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              form.getFieldValue('kind') === 'Member' ? (
                <Form.Item name="memberId" label={t('volunteerHours.memberId')} required>
                  <MemberPicker aria-label={t('volunteerHours.memberId')} />
                </Form.Item>
              ) : (
                <>
                  <Form.Item name="name" label={t('volunteerHours.name')} required>
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item name="phone" label={t('volunteerHours.phone')} required>
                    <Input maxLength={20} inputMode="tel" />
                  </Form.Item>
                </>
              )
            }
          </Form.Item>
          <Form.Item name="skills" label={t('volunteerHours.skills')}>
            <Select mode="tags" open={false} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
