import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { logHelp, type HelperPair, type LogHelpInput } from '@/features/assistance/api/care';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { shanghaiToday } from '@/lib/dates';

interface Props {
  pair: HelperPair;
  onDone: () => Promise<unknown>;
  onClose: () => void;
}

/** Logs one help a helper gave within a pair. */
export function LogHelpDialog({ pair, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const w = (key: string) => t(`assistanceCare.pairings.${key}`);
  return (
    <FormModal<LogHelpInput>
      title={`${w('log')}：${pair.helperName} → ${pair.helpedName}`}
      fields={['helpedOn', 'what']}
      initialValues={{ helpedOn: shanghaiToday() }}
      onSubmit={async (values) => {
        await logHelp(pair, values);
        await onDone();
      }}
      onReload={() => void onDone()}
      onClose={onClose}
    >
      <Form.Item name="helpedOn" label={w('helpedOn')} required>
        <DateField max={shanghaiToday()} />
      </Form.Item>
      <Form.Item name="what" label={w('what')} required>
        <Input.TextArea maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
