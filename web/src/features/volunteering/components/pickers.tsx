import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { SearchSelect, type PickerProps } from '@/components/search-select';
import { api } from '@/lib/api-client';

/** A party volunteer team of the caller's organizations, found by part of its name. */
export function TeamPicker(props: PickerProps) {
  const [q, setQ] = useState('');
  const teams = useQuery({
    queryKey: ['volunteering', 'hours', 'teams', 'pick', q],
    queryFn: async () =>
      (
        await api.GET('/api/v1/volunteering/teams', {
          params: { query: { q: q || undefined, page: 1, pageSize: 20, sort: 'name' } },
        })
      ).data!,
    placeholderData: keepPreviousData,
  });
  return (
    <SearchSelect
      {...props}
      onSearch={setQ}
      loading={teams.isFetching}
      failed={teams.isError}
      options={(teams.data?.items ?? []).map((team) => ({
        value: team.id,
        label: `${team.name}（${team.organizationName}）`,
      }))}
    />
  );
}

/** A party member registered as a volunteer, found by name; the value is the member's record id. */
export function MemberVolunteerPicker(props: PickerProps) {
  const [q, setQ] = useState('');
  const volunteers = useQuery({
    queryKey: ['volunteering', 'hours', 'volunteers', 'pick', q],
    queryFn: async () =>
      (
        await api.GET('/api/v1/volunteering/volunteers', {
          params: { query: { kind: 'Member', q: q || undefined, page: 1, pageSize: 20, sort: 'name' } },
        })
      ).data!,
    placeholderData: keepPreviousData,
  });
  return (
    <SearchSelect
      {...props}
      onSearch={setQ}
      loading={volunteers.isFetching}
      failed={volunteers.isError}
      options={(volunteers.data?.items ?? [])
        .filter((v) => v.memberId)
        .map((v) => ({ value: v.memberId!, label: `${v.name}（${v.organizationName}）` }))}
    />
  );
}
