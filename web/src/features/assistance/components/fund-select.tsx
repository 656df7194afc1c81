import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFunds } from '@/features/assistance/api/funds';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  'aria-label'?: string;
}

/**
 * Chooses a care fund by name among the funds the caller sees, each option with what it has available (the server
 * checks it covers the organization and can pay).
 */
export function FundSelect({ id, value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const funds = useFunds();
  const available = new Map((funds.data?.items ?? []).map((f) => [f.id, Number(f.available ?? 0).toFixed(2)]));
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      value={value}
      onChange={onChange}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={funds.isFetching}
      notFoundContent={funds.isError ? t('errors.loadFailed') : t('assistance.fund.none')}
      optionRender={(option) => (
        <div style={{ whiteSpace: 'normal' }}>
          <div>{option.label}</div>
          {available.has(String(option.value)) && (
            <div style={{ fontSize: 12, color: '#595959' }}>
              {t('assistanceFundForms.available', { amount: available.get(String(option.value)) })}
            </div>
          )}
        </div>
      )}
      options={(funds.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
    />
  );
}
