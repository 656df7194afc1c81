import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVolunteers } from '@/features/volunteering/api/volunteer-hours';

/** Finds a registered volunteer by name (the first 20 matches, most hours first). */
export function VolunteerPicker({ value, onChange }: { value?: string; onChange?: (id: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState<string>();
  const volunteers = useVolunteers({ page: 1, pageSize: 20, sort: '-totalHours' }, q);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text || undefined) }}
      aria-label={t('volunteerHours.volunteer')}
      placeholder={t('volunteerHours.search')}
      style={{ minWidth: 200 }}
      value={value}
      onChange={onChange}
      loading={volunteers.isFetching}
      options={volunteers.data?.items.map((v) => ({ value: v.id, label: `${v.name}（${v.organizationName}）` }))}
    />
  );
}
