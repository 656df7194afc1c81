import { Form, Input, InputNumber, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  allocateFunds,
  newAttemptKey,
  recordFundIncome,
  type AllocationInput,
  type FundIncomeInput,
} from '@/features/assistance/api/applications';
import type { Fund, FundSource } from '@/features/assistance/api/funds';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { shanghaiToday } from '@/lib/dates';

const incomeSources: FundSource[] = ['DuesShare', 'SpecialDues', 'Donation', 'Interest'];

/** Money coming into a fund from one of its sources (party dues, special dues, donations, interest). */
export function IncomeForm({ fund, onClose }: { fund: Fund; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [key] = useState(newAttemptKey);
  const w = (k: string) => t(`assistanceFundForms.${k}`);
  return (
    <FormModal<FundIncomeInput>
      title={`${w('income')}：${fund.name}`}
      fields={['source', 'amount', 'purpose', 'occurredOn']}
      initialValues={{ source: 'DuesShare', occurredOn: shanghaiToday() }}
      onSubmit={async (values) => {
        await recordFundIncome(fund.id, values, key);
        await client.invalidateQueries({ queryKey: ['assistance', 'funds'] });
      }}
      onClose={onClose}
    >
      <Form.Item name="source" label={w('source')} required>
        <Select
          aria-label={w('source')}
          options={incomeSources.map((s) => ({ value: s, label: t(`assistance.sources.${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="amount" label={w('amount')} required>
        <InputNumber aria-label={w('amount')} min={0.01} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="purpose" label={w('purpose')}>
        <Input aria-label={w('purpose')} maxLength={200} placeholder={w('purposeExample')} />
      </Form.Item>
      <Form.Item name="occurredOn" label={w('occurredOn')} required>
        <DateField aria-label={w('occurredOn')} max={shanghaiToday()} />
      </Form.Item>
    </FormModal>
  );
}

/** 下拨: part of a fund handed to a fund of an organization directly below (two entries, out and in). */
export function AllocationForm({ fund, below, onClose }: { fund: Fund; below: Fund[]; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [key] = useState(newAttemptKey);
  const w = (k: string) => t(`assistanceFundForms.${k}`);
  return (
    <FormModal<AllocationInput>
      title={`${w('allocate')}：${fund.name}`}
      fields={['toFundId', 'amount', 'purpose', 'occurredOn']}
      initialValues={{ occurredOn: shanghaiToday() }}
      onSubmit={async (values) => {
        await allocateFunds(fund.id, values, key);
        await client.invalidateQueries({ queryKey: ['assistance', 'funds'] });
      }}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{w('allocateHint')}</Typography.Paragraph>
      <Form.Item name="toFundId" label={w('toFund')} required>
        <Select
          aria-label={w('toFund')}
          notFoundContent={w('noFundBelow')}
          options={below.map((f) => ({ value: f.id, label: f.name }))}
        />
      </Form.Item>
      <Form.Item name="amount" label={w('amount')} required>
        <InputNumber aria-label={w('amount')} min={0.01} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="purpose" label={w('purpose')}>
        <Input aria-label={w('purpose')} maxLength={200} />
      </Form.Item>
      <Form.Item name="occurredOn" label={w('occurredOn')} required>
        <DateField aria-label={w('occurredOn')} max={shanghaiToday()} />
      </Form.Item>
    </FormModal>
  );
}
