import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizationSearch } from '@/lib/organization-search';

interface Props {
  id?: string;
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  multiple?: boolean;
  /** Names of organizations already chosen, so they show by name before any search. */
  known?: { id: string; name: string }[];
  'aria-label'?: string;
}

/** Chooses organizations by typing part of a name; the server searches within the caller's scope. */
export function OrganizationSelect({ id, value, onChange, multiple, known = [], ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const search = useOrganizationSearch(text);
  const options = new Map(known.map((o) => [o.id, o.name]));
  for (const item of search.data?.items ?? []) {
    if (item.status === 'Active') {
      options.set(item.id, item.name);
    }
  }
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={onChange}
      loading={search.isFetching}
      placeholder={t('organizations.typeToSearch')}
      notFoundContent={text ? t('organizations.noMatches') : t('organizations.typeToSearch')}
      options={[...options].map(([value, label]) => ({ value, label }))}
    />
  );
}
