import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '@/lib/api-client';
import { useOrganizationDirectory, useOrganizationSearch } from '@/lib/organization-search';

interface Props {
  id?: string;
  value?: string | string[];
  /** The new value, and the id and name of each organization picked in this change (to show it by name elsewhere). */
  onChange?: (value: string | string[], picked: { id: string; name: string }[]) => void;
  multiple?: boolean;
  /** Names of organizations already chosen, so they show by name before any search. */
  known?: { id: string; name: string }[];
  'aria-label'?: string;
  /**
   * A label shown in the field, for a filter bar where no form label stands above it (a form item gives its own).
   * Defaults to the aria-label in a filter (an onChange with no form around it is one).
   */
  label?: string;
  /** "mine" (default): the caller's subtree; "all": every region's names, e.g. to address a transfer. */
  scope?: 'mine' | 'all';
}

/** The name of an organization chosen before this screen drew (a filter restored from the address). */
function useOrganizationName(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['organizations', 'name', id],
    queryFn: async () => (await api.GET('/api/v1/organizations/{id}', { params: { path: { id: id! } } })).data!.name,
    enabled: enabled && !!id,
    staleTime: 60_000,
    retry: false,
  });
}

/**
 * Chooses organizations by typing part of a name or short name; the server searches within the caller's scope.
 * Options show whole names (with the short name beneath) in a list wider than the field when the field is narrow.
 */
export function OrganizationSelect({
  id,
  value,
  onChange,
  multiple,
  known = [],
  scope = 'mine',
  label,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  // Labels of what was chosen, so a choice keeps its name once the search that found it is gone.
  const [chosen, setChosen] = useState(new Map<string, string>());
  const mine = useOrganizationSearch(scope === 'mine' ? text : '');
  const all = useOrganizationDirectory(scope === 'all' ? text : '');
  const search = scope === 'mine' ? mine : all;
  const options = new Map<string, { name: string; shortName?: string | null }>([
    ...known.map((o) => [o.id, { name: o.name }] as [string, { name: string }]),
    ...[...chosen].map(([key, name]) => [key, { name }] as [string, { name: string }]),
  ]);
  for (const item of mine.data?.items ?? []) {
    if (item.status === 'Active') {
      options.set(item.id, { name: item.name, shortName: item.shortName });
    }
  }
  for (const item of all.data ?? []) {
    options.set(item.id, { name: item.name });
  }
  const single = typeof value === 'string' ? value : undefined;
  const restored = useOrganizationName(single, scope === 'mine' && !!single && !options.has(single));
  if (single && restored.data && !options.has(single)) {
    options.set(single, { name: restored.data });
  }
  const shownLabel = label ?? (id === undefined ? rest['aria-label'] : undefined);
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      mode={multiple ? 'multiple' : undefined}
      prefix={shownLabel ? <span className="organization-select-label">{shownLabel}</span> : undefined}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={(next, option) => {
        const picked = (Array.isArray(option) ? option : [option]).filter(
          (o): o is { value: string; label: string; shortName: string | null | undefined } =>
            o !== undefined && 'value' in o,
        );
        setChosen((current) => new Map([...current, ...picked.map((o) => [o.value, o.label] as [string, string])]));
        onChange?.(
          next,
          picked.map((o) => ({ id: o.value, name: o.label })),
        );
      }}
      allowClear={!id}
      loading={search.isFetching}
      placeholder={t('organizations.typeToSearch')}
      notFoundContent={
        search.isError ? t('errors.loadFailed') : text ? t('organizations.noMatches') : t('organizations.typeToSearch')
      }
      style={{ width: '100%', minWidth: 240 }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 360, maxWidth: 'min(560px, calc(100vw - 16px))' } } }}
      optionRender={(option) => (
        <div style={{ whiteSpace: 'normal' }}>
          <div>{option.label}</div>
          {option.data.shortName && (
            <div style={{ fontSize: 12, color: '#595959' }}>
              {t('form.shortName')}：{option.data.shortName}
            </div>
          )}
        </div>
      )}
      options={[...options].map(([key, o]) => ({ value: key, label: o.name, shortName: o.shortName }))}
    />
  );
}
