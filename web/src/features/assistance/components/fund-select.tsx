import { Select } from 'antd';
import { useFunds } from '@/features/assistance/api/funds';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
}

/** Chooses a care fund by name among the funds the caller sees (the server checks it covers the organization). */
export function FundSelect({ id, value, onChange }: Props) {
  const funds = useFunds();
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={funds.isFetching}
      options={(funds.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
    />
  );
}
