import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { pairHelper, type PairHelperInput } from '@/features/assistance/api/care';
import { MemberPicker } from '@/components/member-picker';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { shanghaiToday } from '@/lib/dates';

interface Props {
  onDone: () => Promise<unknown>;
  onClose: () => void;
}

/** Pairs a helper with a member in hardship (1+N). */
export function PairHelperDialog({ onDone, onClose }: Props) {
  const { t } = useTranslation();
  const w = (key: string) => t(`assistanceCare.pairings.${key}`);
  return (
    <FormModal<PairHelperInput>
      title={w('create')}
      fields={['helperMemberId', 'helpedMemberId', 'startedOn']}
      initialValues={{ startedOn: shanghaiToday() }}
      onSubmit={async (values) => {
        await pairHelper(values);
        await onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="helperMemberId" label={w('helper')} required>
        <MemberPicker aria-label={w('helper')} />
      </Form.Item>
      <Form.Item name="helpedMemberId" label={w('helped')} required>
        <MemberPicker aria-label={w('helped')} inHardship />
      </Form.Item>
      <Form.Item name="startedOn" label={w('startedOn')} required>
        <DateField max={shanghaiToday()} />
      </Form.Item>
    </FormModal>
  );
}
