import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMembers } from '@/features/members/api/members';

interface Props {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
}

/** Two full members as introducers, found by name among the full members the caller sees. */
export function IntroducerSelect({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const members = useMembers(
    { q: q || undefined, stage: 'Full', status: 'Active', includeDescendants: true },
    { page: 1, pageSize: 20, sort: 'name' },
  );
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      maxCount={2}
      aria-label={t('pipeline.introducers')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={members.isFetching}
      options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name} · ${m.organizationName}` }))}
    />
  );
}
