import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFunds } from '@/features/assistance/api/funds';

/** Chooses one of the care funds the caller manages, by name, with what it has available. */
export function FundSelect({
  id,
  value,
  onChange,
  ...rest
}: {
  id?: string;
  value?: string;
  onChange?: (id: string) => void;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const funds = useFunds();
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      allowClear
      value={value}
      onChange={onChange}
      loading={funds.isFetching}
      notFoundContent={funds.isError ? t('errors.loadFailed') : t('assistance.fund.none')}
      options={(funds.data?.items ?? []).map((f) => ({
        value: f.id,
        label: t('assistanceFundForms.fundOption', { name: f.name, available: Number(f.available).toFixed(2) }),
      }))}
    />
  );
}
