import { Form, Input, Radio } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { checkIn, checkOut, type AttendanceInput, type Session } from '@/features/volunteering/api/volunteer-hours';
import { FormModal } from '@/components/form-modal';

/** Check-in or check-out with its evidence: the organizer, the code shown at the place, or the served person. */
export function AttendanceDialog({
  session,
  step,
  onClose,
}: {
  session: Session;
  step: 'check-in' | 'check-out';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const stepName = t(step === 'check-in' ? 'volunteerHours.checkIn' : 'volunteerHours.checkOut');
  const title = `${stepName}：${session.volunteerName}`;
  return (
    <FormModal<AttendanceInput>
      title={title}
      fields={['evidence', 'code', 'note']}
      initialValues={{ evidence: 'Organizer' }}
      onClose={onClose}
      onSubmit={async (values) => {
        await (step === 'check-in' ? checkIn(session, values) : checkOut(session, values));
        await client.invalidateQueries({ queryKey: ['volunteering', 'hours'] });
        onClose();
      }}
    >
      {(form) => (
        <>
          <Form.Item name="evidence" label={t('volunteerHours.evidence')} required>
            <Radio.Group
              options={(['Organizer', 'SiteCode', 'ServedPerson'] as const).map((e) => ({
                value: e,
                label: t(`volunteerHours.evidences.${e}`),
              }))}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              form.getFieldValue('evidence') === 'SiteCode' && (
                <Form.Item name="code" label={t('volunteerHours.code')} required>
                  <Input maxLength={6} inputMode="numeric" />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="note" label={t('volunteerHours.note')}>
            <Input maxLength={200} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
