import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface PickerProps {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  'aria-label'?: string;
}

export interface SearchOption {
  value: string;
  label: string;
}

/**
 * A select that searches the server as the user types. The options keep the name of what was picked, so the field
 * still shows it after the next search no longer finds it.
 */
export function SearchSelect({
  id,
  value,
  onChange,
  options,
  loading,
  failed,
  onSearch,
  placeholder,
  notFound,
  ...rest
}: PickerProps & {
  options: SearchOption[];
  loading: boolean;
  failed: boolean;
  onSearch: (text: string) => void;
  placeholder?: string;
  notFound?: string;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<SearchOption>();
  const shown = picked && !options.some((o) => o.value === picked.value) ? [picked, ...options] : options;
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{ filterOption: false, onSearch }}
      value={value}
      onChange={(next: string, option) => {
        setPicked(Array.isArray(option) ? undefined : (option as SearchOption | undefined));
        onChange?.(next);
      }}
      loading={loading}
      placeholder={placeholder ?? t('picker.typeToSearch')}
      notFoundContent={failed ? t('errors.loadFailed') : (notFound ?? t('picker.noMatches'))}
      style={{ width: '100%', minWidth: 200 }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxWidth: 'min(480px, calc(100vw - 16px))' } } }}
      options={shown}
    />
  );
}
