import { Form, Input } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordableStep, StepOverride } from '@/features/members/api/pipeline';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { useCan } from '@/lib/auth';

/** What each step's form gets from the pipeline panel. */
export interface StepFormProps {
  memberId: string;
  onClose: () => void;
}

/** The override of a date rule, as a plain reason field; absent when none is given. */
export interface OverrideField {
  overrideReason?: string | null;
}

export const overrideOf = (reason: string | null | undefined): StepOverride | undefined =>
  reason ? { reason } : undefined;

interface Props<V> {
  step: RecordableStep;
  /** The step's own fields, for server errors to land on. */
  fields: (keyof V & string)[];
  initialValues: Partial<V>;
  /** Steps bound by a date rule may be recorded outside it with a reason; the extension and cancellation take none. */
  overridable: boolean;
  /** Sends the step; what the route answers is the form's to use (a decision reports a failed vote). */
  onSubmit: (values: V) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
}

/** One pipeline step's dialog: its title, its fields, the override reason where the caller may give one. */
export function StepModal<V extends object>({
  step,
  fields,
  initialValues,
  overridable,
  onSubmit,
  onClose,
  children,
}: Props<V>) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canOverride = useCan('members.override');
  return (
    <FormModal<V>
      title={t(`pipeline.record.${step}`)}
      fields={[...fields, 'overrideReason']}
      initialValues={initialValues}
      onSubmit={async (values) => {
        await onSubmit(values);
        await client.invalidateQueries({ queryKey: ['members'] });
      }}
      onClose={onClose}
    >
      {children}
      {canOverride && overridable && (
        <Form.Item label={t('pipeline.overrideReason')} name="overrideReason" extra={t('pipeline.overrideHint')}>
          <Input />
        </Form.Item>
      )}
    </FormModal>
  );
}

/** A required calendar day of a step. */
export function StepDate({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item label={label} name={name} required>
      <DateField />
    </Form.Item>
  );
}
