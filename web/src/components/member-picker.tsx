import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchSelect, type PickerProps } from '@/components/search-select';
import { api } from '@/lib/api-client';
import type { components } from '@/types/api';

export type MemberListItem = components['schemas']['MemberListItem'];

/**
 * A party member of the register, active, found by part of the name among the first 20 in the caller's organizations
 * and those below them; optionally only members on the hardship register today.
 */
export function MemberPicker({
  inHardship,
  onPick,
  ...props
}: PickerProps & {
  inHardship?: boolean;
  /** The member chosen, for what depends on them (their region's rules). */
  onPick?: (member: MemberListItem) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const members = useQuery({
    queryKey: ['members', 'pick', q, inHardship ?? false],
    queryFn: async () =>
      (
        await api.GET('/api/v1/members', {
          params: {
            query: {
              q: q || undefined,
              status: 'Active',
              includeDescendants: true,
              inHardship: inHardship || undefined,
              page: 1,
              pageSize: 20,
              sort: 'name',
            },
          },
        })
      ).data!,
    placeholderData: keepPreviousData,
  });
  const items = members.data?.items ?? [];
  return (
    <SearchSelect
      {...props}
      onChange={(next) => {
        props.onChange?.(next);
        const member = items.find((m) => m.id === next);
        if (member) onPick?.(member);
      }}
      onSearch={setQ}
      loading={members.isFetching}
      failed={members.isError}
      placeholder={t('picker.typeMemberName')}
      notFound={t('picker.noMember')}
      options={items.map((m) => ({
        value: m.id,
        label: t('picker.memberOption', { name: m.name, organization: m.organizationName, age: m.age }),
      }))}
    />
  );
}
