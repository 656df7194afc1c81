import { DatePicker, Form, Input, InputNumber } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { createActivity, type CreateActivityInput } from '@/features/volunteering/api/volunteer-hours';
import { FormModal } from '@/components/form-modal';
import { OrganizationSelect } from '@/components/organization-select';

type Values = Omit<CreateActivityInput, 'startsAt' | 'endsAt'> & { startsAt?: Dayjs; endsAt?: Dayjs };

export function CreateActivityDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <FormModal<Values>
      title={t('volunteerHours.createActivity')}
      fields={['organizationId', 'title', 'place', 'startsAt', 'endsAt', 'quota']}
      initialValues={{ quota: 20 }}
      onClose={onClose}
      onSubmit={async (values) => {
        await createActivity({
          ...values,
          startsAt: (values.startsAt?.toISOString() ?? null) as string,
          endsAt: (values.endsAt?.toISOString() ?? null) as string,
        });
        await client.invalidateQueries({ queryKey: ['volunteering', 'hours'] });
        onClose();
      }}
    >
      <Form.Item name="organizationId" label={t('volunteerHours.organization')} required>
        <OrganizationSelect />
      </Form.Item>
      <Form.Item name="title" label={t('volunteerHours.activity')} required>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="place" label={t('volunteerHours.place')} required>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="startsAt" label={t('volunteerHours.startsAt')} required>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="endsAt" label={t('volunteerHours.endsAt')} required>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="quota" label={t('volunteerHours.quota')} required>
        <InputNumber min={1} max={10000} />
      </Form.Item>
    </FormModal>
  );
}
