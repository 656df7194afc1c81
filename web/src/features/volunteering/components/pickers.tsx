import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@/lib/api-client';

interface PickerProps {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  'aria-label'?: string;
}

interface Option {
  value: string;
  label: string;
}

/** A select that searches the server as the user types; the options keep the name of what was picked. */
function SearchSelect({
  id,
  value,
  onChange,
  options,
  loading,
  failed,
  onSearch,
  ...rest
}: PickerProps & { options: Option[]; loading: boolean; failed: boolean; onSearch: (text: string) => void }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<Option>();
  const shown = picked && !options.some((o) => o.value === picked.value) ? [picked, ...options] : options;
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{ filterOption: false, onSearch }}
      value={value}
      onChange={(next: string, option) => {
        setPicked(Array.isArray(option) ? undefined : (option as Option | undefined));
        onChange?.(next);
      }}
      loading={loading}
      placeholder={t('volunteerPickers.typeToSearch')}
      notFoundContent={failed ? t('errors.loadFailed') : t('volunteerPickers.noMatches')}
      style={{ width: '100%', minWidth: 200 }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(480px, calc(100vw - 16px))' } } }}
      options={shown}
    />
  );
}

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

/** A party member of the register, found by name within the caller's scope. */
export function MemberPicker(props: PickerProps) {
  const [q, setQ] = useState('');
  const members = useQuery({
    queryKey: ['members', 'pick', q],
    queryFn: async () =>
      (
        await api.GET('/api/v1/members', {
          params: { query: { q: q || undefined, status: 'Active', page: 1, pageSize: 20, sort: 'name' } },
        })
      ).data!,
    placeholderData: keepPreviousData,
  });
  return (
    <SearchSelect
      {...props}
      onSearch={setQ}
      loading={members.isFetching}
      failed={members.isError}
      options={(members.data?.items ?? []).map((m) => ({
        value: m.id,
        label: `${m.name}（${m.organizationName}）`,
      }))}
    />
  );
}
