import { Button, Form, Input, InputNumber, Rate, Select, Space } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { demandsKey, takeDemandStep, type Demand, type DemandStep } from '@/features/volunteering/api/demands';
import { FormModal } from '@/components/form-modal';
import { OrganizationSelect } from '@/components/organization-select';
import { MemberVolunteerPicker, TeamPicker } from '@/features/volunteering/components/pickers';

type ClaimantKind = 'Member' | 'Team' | 'Organization';
interface Claimant {
  kind?: ClaimantKind;
  id?: string;
}

/** Who takes a demand: a kind, then an organization from the tree, a team, or a member registered as volunteer. */
function ClaimantInput({ value, onChange }: { value?: Claimant; onChange?: (value: Claimant) => void }) {
  const { t } = useTranslation();
  const kind = value?.kind ?? 'Member';
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select<ClaimantKind>
        aria-label={t('volunteering.demands.claimantKind')}
        style={{ width: 150 }}
        value={kind}
        onChange={(next) => onChange?.({ kind: next })}
        options={(['Member', 'Team', 'Organization'] as const).map((k) => ({
          value: k,
          label: t(`volunteering.demands.kinds.${k}`),
        }))}
      />
      {kind === 'Organization' ? (
        <div style={{ flex: 1 }}>
          <OrganizationSelect
            aria-label={t('volunteering.demands.claimant')}
            value={value?.id}
            onChange={(id) => onChange?.({ kind, id: String(id) })}
          />
        </div>
      ) : (
        <div style={{ flex: 1 }}>
          {kind === 'Team' ? (
            <TeamPicker
              aria-label={t('volunteering.demands.claimant')}
              value={value?.id}
              onChange={(id) => onChange?.({ kind, id })}
            />
          ) : (
            <MemberVolunteerPicker
              aria-label={t('volunteering.demands.claimant')}
              value={value?.id}
              onChange={(id) => onChange?.({ kind, id })}
            />
          )}
        </div>
      )}
    </Space.Compact>
  );
}

const fieldsOf: Record<string, string[]> = {
  Dispatch: ['claimant', 'note'],
  Claim: ['claimant', 'note'],
  Redispatch: ['claimant', 'note'],
  Reject: ['reason'],
  Cancel: ['reason'],
  Reopen: ['reason'],
  Complete: ['workDone', 'helpers', 'value', 'note'],
  Rate: ['stars', 'comment'],
  FollowUp: ['outcome'],
};

/** One form per step: the fields that step takes, the server's refusals on them, If-Match from the demand shown. */
export function DemandStepForm({
  demand,
  step,
  onClose,
  onDone,
}: {
  demand: Demand;
  step: DemandStep;
  onClose: () => void;
  onDone: (demand: Demand) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const fields = fieldsOf[step] ?? ['note'];
  return (
    <FormModal<Record<string, unknown>>
      title={t(`volunteering.demands.stepNames.${step}`)}
      okText={t(`volunteering.demands.stepNames.${step}`)}
      fields={fields}
      initialValues={
        step === 'Complete'
          ? { helpers: [{ name: '', hours: 1 }] }
          : fields.includes('claimant')
            ? { claimant: { kind: 'Member' } }
            : {}
      }
      onReload={() => void client.invalidateQueries({ queryKey: demandsKey })}
      onSubmit={async (values) => {
        const updated = await takeDemandStep(demand, step, values);
        await client.invalidateQueries({ queryKey: demandsKey });
        onDone(updated);
      }}
      onClose={onClose}
    >
      {fields.includes('claimant') && (
        <Form.Item name="claimant" label={t('volunteering.demands.claimant')} required>
          <ClaimantInput />
        </Form.Item>
      )}
      {fields.includes('reason') && (
        <Form.Item name="reason" label={t('volunteering.demands.reason')} required>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      )}
      {fields.includes('workDone') && (
        <Form.Item name="workDone" label={t('volunteering.demands.workDone')} required>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      )}
      {fields.includes('helpers') && (
        <Form.Item label={t('volunteering.demands.helpers')} required>
          <Form.List name="helpers">
            {(items, { add, remove }) => (
              <>
                {items.map((item) => (
                  <Space key={item.key} align="baseline">
                    <Form.Item name={[item.name, 'name']} noStyle>
                      <Input
                        aria-label={t('volunteering.demands.helperName')}
                        placeholder={t('volunteering.demands.helperName')}
                      />
                    </Form.Item>
                    <Form.Item name={[item.name, 'hours']} noStyle>
                      <InputNumber
                        aria-label={t('volunteering.demands.hours')}
                        min={0.5}
                        max={24}
                        step={0.5}
                        placeholder={t('volunteering.demands.hours')}
                      />
                    </Form.Item>
                    {items.length > 1 && <Button onClick={() => remove(item.name)}>×</Button>}
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ hours: 1 })}>
                  {t('volunteering.demands.addHelper')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      )}
      {fields.includes('value') && (
        <Form.Item name="value" label={t('volunteering.demands.value')}>
          <InputNumber min={0} precision={2} style={{ width: 200 }} />
        </Form.Item>
      )}
      {fields.includes('stars') && (
        <Form.Item name="stars" label={t('volunteering.demands.stars')} required>
          <Rate />
        </Form.Item>
      )}
      {fields.includes('comment') && (
        <Form.Item name="comment" label={t('volunteering.demands.comment')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
      {fields.includes('outcome') && (
        <Form.Item name="outcome" label={t('volunteering.demands.outcome')} required>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
      {fields.includes('note') && (
        <Form.Item name="note" label={t('volunteering.demands.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
    </FormModal>
  );
}
