import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { openRectification, type RectificationInput } from '@/features/organizations/api/rectifications';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { shanghaiToday } from '@/lib/dates';

interface Props {
  organizationId: string;
  onOpened: () => Promise<void>;
  onClose: () => void;
}

/** Puts an organization under rectification: why (typed as tags), the plan, who answers for it, by when. */
export function OpenRectificationDialog({ organizationId, onOpened, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal<RectificationInput>
      title={t('rectifications.open')}
      fields={['reasons', 'plan', 'responsiblePerson', 'flaggedOn', 'dueOn']}
      initialValues={{ reasons: [], flaggedOn: shanghaiToday() }}
      onSubmit={async (values) => {
        await openRectification(organizationId, { ...values, reasons: values.reasons ?? [] });
        await onOpened();
      }}
      onClose={onClose}
    >
      <Form.Item label={t('rectifications.reasons')} name="reasons" required>
        <Select mode="tags" open={false} placeholder={t('rectifications.reasonsHint')} />
      </Form.Item>
      <Form.Item label={t('rectifications.plan')} name="plan" required>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item label={t('rectifications.responsible')} name="responsiblePerson" required>
        <Input />
      </Form.Item>
      <Form.Item label={t('rectifications.flaggedOn')} name="flaggedOn">
        <DateField />
      </Form.Item>
      <Form.Item label={t('rectifications.dueOn')} name="dueOn" required>
        <DateField />
      </Form.Item>
    </FormModal>
  );
}
