import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { recheckHardship, type LedgerEntry, type RecheckInput } from '@/features/assistance/api/care';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { shanghaiToday } from '@/lib/dates';

interface Props {
  entry: LedgerEntry;
  onDone: () => Promise<unknown>;
  onClose: () => void;
}

/** The yearly recheck of a member in hardship: continues, or the hardship has ended. */
export function RecheckDialog({ entry, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const w = (key: string) => t(`assistanceCare.ledger.${key}`);
  return (
    <FormModal<RecheckInput>
      title={`${w('recheck')}：${entry.name}`}
      fields={['checkedOn', 'outcome', 'note']}
      initialValues={{ hardshipId: entry.hardshipId, checkedOn: shanghaiToday(), outcome: 'Continues' }}
      onSubmit={async (values) => {
        await recheckHardship(entry, { ...values, hardshipId: entry.hardshipId });
        await onDone();
      }}
      onReload={() => void onDone()}
      onClose={onClose}
    >
      <Form.Item name="checkedOn" label={w('checkedOn')} required>
        <DateField max={shanghaiToday()} />
      </Form.Item>
      <Form.Item name="outcome" label={w('outcome')} required>
        <Select options={(['Continues', 'Ended'] as const).map((o) => ({ value: o, label: w(`outcomes.${o}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={w('note')}>
        <Input.TextArea maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
