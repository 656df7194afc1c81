import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  /** "mine" (default): the caller's subtree; "all": every region's names, e.g. to address a transfer. */
  scope?: 'mine' | 'all';
}

/** Chooses organizations by typing part of a name; the server searches within the caller's scope. */
export function OrganizationSelect({ id, value, onChange, multiple, known = [], scope = 'mine', ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  // Labels of what was chosen, so a choice keeps its name once the search that found it is gone.
  const [chosen, setChosen] = useState(new Map<string, string>());
  const mine = useOrganizationSearch(scope === 'mine' ? text : '');
  const all = useOrganizationDirectory(scope === 'all' ? text : '');
  const search = scope === 'mine' ? mine : all;
  const options = new Map([...known.map((o) => [o.id, o.name] as [string, string]), ...chosen]);
  for (const item of mine.data?.items ?? []) {
    if (item.status === 'Active') {
      options.set(item.id, item.name);
    }
  }
  for (const item of all.data ?? []) {
    options.set(item.id, item.name);
  }
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={(next, option) => {
        const picked = (Array.isArray(option) ? option : [option]).filter((o): o is { value: string; label: string } => o !== undefined && 'value' in o);
        setChosen((current) => new Map([...current, ...picked.map((o) => [o.value, o.label] as [string, string])]));
        onChange?.(next, picked.map((o) => ({ id: o.value, name: o.label })));
      }}
      loading={search.isFetching}
      placeholder={t('organizations.typeToSearch')}
      notFoundContent={text ? t('organizations.noMatches') : t('organizations.typeToSearch')}
      options={[...options].map(([value, label]) => ({ value, label }))}
    />
  );
}
