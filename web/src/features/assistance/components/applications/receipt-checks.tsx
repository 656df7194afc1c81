import { App, Form, InputNumber, Radio, Input, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  drawReceiptSample,
  followUpOutcomes,
  recordFollowUp,
  type Application,
  type DrawSampleInput,
  type FollowUpInput,
  type FollowUpOutcome,
} from '@/features/assistance/api/applications';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { shanghaiToday } from '@/lib/dates';

const outcomeColors: Record<FollowUpOutcome, string> = {
  Received: 'success',
  ReceivedWithIssues: 'warning',
  NotReceived: 'error',
};

/** A drawn application's follow-up: its outcome, or that the visit is still to be made. */
export function FollowUpTag({ outcome }: { outcome: FollowUpOutcome | null | undefined }) {
  const { t } = useTranslation();
  return outcome ? (
    <Tag color={outcomeColors[outcome]}>{t(`assistanceReceipt.outcomes.${outcome}`)}</Tag>
  ) : (
    <Tag color="gold">{t('assistanceReceipt.pending')}</Tag>
  );
}

/** Draws paid applications of a year at random for follow-up visits and says which were drawn. */
export function DrawSampleDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const w = (k: string, values?: Record<string, unknown>) => t(`assistanceReceipt.${k}`, values);
  const year = Number(shanghaiToday().slice(0, 4));
  return (
    <FormModal<DrawSampleInput>
      title={w('drawTitle')}
      fields={['year', 'count']}
      okText={w('draw')}
      initialValues={{ year, count: 5 }}
      onSubmit={async (values) => {
        const sample = await drawReceiptSample(values);
        await client.invalidateQueries({ queryKey: ['assistance'] });
        if (sample.drawn.length === 0) {
          void message.info(w('drawnNone', { year: sample.year }));
        } else {
          void message.success(
            w('drawn', {
              count: sample.drawn.length,
              candidates: sample.candidates,
              names: sample.drawn.map((a) => a.memberName).join('、'),
            }),
            8,
          );
        }
      }}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{w('drawHint')}</Typography.Paragraph>
      <Form.Item name="year" label={w('year')} required>
        <InputNumber aria-label={w('year')} min={2000} max={year} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="count" label={w('count')} required>
        <InputNumber aria-label={w('count')} min={1} max={100} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

/** Records what the follow-up visit of a drawn application found; sent with the version shown (If-Match). */
export function FollowUpForm({ application: a, onClose }: { application: Application; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const w = (k: string) => t(`assistanceReceipt.${k}`);
  const today = shanghaiToday();
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['assistance'] });
  };
  return (
    <FormModal<FollowUpInput>
      title={`${w('recordTitle')}：${a.memberName}`}
      fields={['visitedOn', 'outcome', 'note']}
      okText={w('record')}
      initialValues={{ visitedOn: today, outcome: 'Received' }}
      onSubmit={async (values) => {
        await recordFollowUp(a, values);
        await refresh();
      }}
      onClose={onClose}
      onReload={() => void refresh()}
    >
      <Typography.Paragraph type="secondary">{w('recordHint')}</Typography.Paragraph>
      <Form.Item name="visitedOn" label={w('visitedOn')} required>
        <DateField aria-label={w('visitedOn')} max={today} />
      </Form.Item>
      <Form.Item name="outcome" label={w('outcome')} required>
        <Radio.Group options={followUpOutcomes.map((o) => ({ value: o, label: w(`outcomes.${o}`) }))} />
      </Form.Item>
      <Form.Item name="note" label={w('note')}>
        <Input.TextArea aria-label={w('note')} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
