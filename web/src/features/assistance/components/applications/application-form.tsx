import { Alert, Form, Input, InputNumber, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  categories,
  newAttemptKey,
  submitApplication,
  useAssistanceRules,
  type Application,
  type AssistanceCategory,
  type AssistanceRules,
  type SubmitApplicationInput,
} from '@/features/assistance/api/applications';
import { MemberPicker } from '@/components/member-picker';
import { FormModal } from '@/components/form-modal';

const maxRule: Record<AssistanceCategory, keyof AssistanceRules> = {
  Hardship: 'hardshipMaxYuan',
  Illness: 'illnessMaxYuan',
  Disaster: 'disasterMaxYuan',
  OldMember: 'oldMemberMaxYuan',
  DutyDeathFamily: 'dutyDeathFamilyMaxYuan',
};

/**
 * A new application for a member: the category with its band from the region's rule set shown beside the amount
 * (yuan, two places; the API keeps 分), the reason and other aid received this year. The server decides the band,
 * the cap and eligibility; a refusal lands on the field it concerns.
 */
export function ApplicationForm({ onClose, onCreated }: { onClose: () => void; onCreated: (a: Application) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [organizationId, setOrganizationId] = useState<string>();
  const rules = useAssistanceRules(organizationId);
  // One attempt is this dialog: a repeated click resends the same key and creates one application.
  const [key] = useState(newAttemptKey);
  const w = (k: string, values?: Record<string, unknown>) => t(`assistanceApply.${k}`, values);
  return (
    <FormModal<SubmitApplicationInput>
      title={w('create')}
      fields={['memberId', 'category', 'amount', 'reason', 'otherAid', 'otherAidAmount']}
      okText={w('submit')}
      onSubmit={async (values) => {
        const created = await submitApplication(values, key);
        await client.invalidateQueries({ queryKey: ['assistance', 'applications'] });
        onCreated(created);
      }}
      onClose={onClose}
    >
      {(form) => (
        <>
          <Form.Item name="memberId" label={w('member')} required>
            <MemberPicker aria-label={w('member')} onPick={(m) => setOrganizationId(m.organizationId)} />
          </Form.Item>
          <Form.Item name="category" label={w('category')} required>
            <Select
              aria-label={w('category')}
              options={categories.map((c) => ({ value: c, label: t(`assistanceApply.categories.${c}`) }))}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.category !== b.category}>
            {() => {
              const category = form.getFieldValue('category') as AssistanceCategory | undefined;
              const r = rules.data;
              if (!r) {
                return null;
              }
              const band = category
                ? w('band', {
                    category: t(`assistanceApply.categories.${category}`),
                    min: r.minimumAmountYuan.value,
                    max: r[maxRule[category]].value,
                  })
                : '';
              return (
                <Alert
                  type="info"
                  style={{ marginBottom: 16 }}
                  title={
                    band + w('cap', { cap: r.yearlyCapPerPersonYuan.value, street: r.streetApprovalUpToYuan.value })
                  }
                />
              );
            }}
          </Form.Item>
          <Form.Item name="amount" label={w('amount')} required>
            <InputNumber aria-label={w('amount')} min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label={w('reason')} required>
            <Input.TextArea aria-label={w('reason')} maxLength={1000} rows={3} />
          </Form.Item>
          <Form.Item name="otherAid" label={w('otherAid')} extra={w('otherAidHint')}>
            <Input aria-label={w('otherAid')} maxLength={500} />
          </Form.Item>
          <Form.Item name="otherAidAmount" label={w('otherAidAmount')}>
            <InputNumber aria-label={w('otherAidAmount')} min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
