import { Form, Input, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createTeam, type CreateTeamInput } from '@/features/volunteering/api/volunteer-hours';
import { FormModal } from '@/components/form-modal';
import { OrganizationSelect } from '@/components/organization-select';

export function CreateTeamDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <FormModal<CreateTeamInput>
      title={t('volunteerHours.createTeam')}
      fields={['organizationId', 'name', 'skills']}
      onClose={onClose}
      onSubmit={async (values) => {
        await createTeam(values);
        await client.invalidateQueries({ queryKey: ['volunteering', 'hours'] });
        onClose();
      }}
    >
      <Form.Item name="organizationId" label={t('volunteerHours.organization')} required>
        <OrganizationSelect />
      </Form.Item>
      <Form.Item name="name" label={t('volunteerHours.teamName')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="skills" label={t('volunteerHours.skills')}>
        <Select mode="tags" open={false} />
      </Form.Item>
    </FormModal>
  );
}
