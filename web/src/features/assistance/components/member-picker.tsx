import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMemberSearch, type MemberListItem } from '@/features/assistance/api/applications';

interface Props {
  id?: string;
  value?: string;
  onChange?: (id: string) => void;
  /** The member chosen, for what depends on them (their region's rules). */
  onPick?: (member: MemberListItem) => void;
  /** Only members on the hardship register today. */
  inHardship?: boolean;
  'aria-label'?: string;
}

/** Finds a member on the register by typing part of the name (the first 20 matches in the caller's scope). */
export function MemberPicker({ id, value, onChange, onPick, inHardship, ...rest }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState<string>();
  const members = useMemberSearch(q, inHardship || undefined);
  const items = members.data?.items ?? [];
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{ filterOption: false, onSearch: (text) => setQ(text || undefined) }}
      placeholder={t('assistanceApply.typeName')}
      style={{ width: '100%' }}
      value={value}
      onChange={(next: string) => {
        onChange?.(next);
        const member = items.find((m) => m.id === next);
        if (member) {
          onPick?.(member);
        }
      }}
      loading={members.isFetching}
      notFoundContent={members.isError ? t('errors.loadFailed') : t('assistanceApply.noMember')}
      options={items.map((m) => ({
        value: m.id,
        label: t('assistanceApply.memberOption', { name: m.name, organization: m.organizationName, age: m.age }),
      }))}
    />
  );
}
