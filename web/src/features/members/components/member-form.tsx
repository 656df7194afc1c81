import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  categories,
  educations,
  stages,
  type CreateMemberInput,
  type Member,
  type UpdateMemberInput,
} from '@/features/members/api/members';
import { FormModal } from '@/components/form-modal';
import { OrganizationSelect } from '@/components/organization-select';
import { useCan } from '@/lib/auth';
import { shanghaiToday } from '@/lib/dates';
import { DateField } from '@/components/date-field';

/** The member being edited and its update, or no member and a new registration. */
type Props = {
  onClose: () => void;
  onReload?: () => void;
} & (
  | { member?: undefined; onSubmit: (values: CreateMemberInput) => Promise<void> }
  | { member: Member; onSubmit: (values: UpdateMemberInput) => Promise<void> }
);

const createFields = [
  'organizationId',
  'name',
  'idNumber',
  'phone',
  'ethnicity',
  'education',
  'occupation',
  'category',
  'stage',
  'appliedOn',
  'talkOn',
  'activistOn',
  'candidateOn',
  'joinedOn',
  'fullMemberOn',
  'overrideReason',
];
const editFields = ['name', 'idNumber', 'phone', 'ethnicity', 'education', 'occupation', 'category'];

/**
 * Register or edit a member. The server checks the ID number (check character, birth date, age at joining)
 * and puts each message on its field. When editing, the ID number and phone are shown masked: left as they
 * are, they are kept; typed anew, they replace the stored ones.
 */
export function MemberForm(props: Props) {
  const { member, onClose, onReload } = props;
  const { t } = useTranslation();
  const editing = member !== undefined;
  const canOverride = useCan('members.override');
  return (
    <FormModal<CreateMemberInput & { overrideReason?: string | null }>
      title={editing ? `${t('actions.edit')} · ${member.name}` : t('members.create')}
      fields={editing ? editFields : createFields}
      initialValues={
        editing
          ? {
              name: member.name,
              idNumber: member.idNumber,
              phone: member.phone,
              ethnicity: member.ethnicity,
              education: member.education,
              occupation: member.occupation,
              category: member.category,
            }
          : { category: 'InService', stage: 'Applicant', ethnicity: '汉族', appliedOn: shanghaiToday() }
      }
      onSubmit={(values) =>
        props.member
          ? props.onSubmit({
              ...values,
              // Unchanged masked values mean "keep"; a cleared phone means "remove".
              idNumber: values.idNumber === props.member.idNumber ? null : values.idNumber,
              phone: values.phone === props.member.phone ? null : (values.phone ?? ''),
            })
          : props.onSubmit(
              (({ overrideReason, ...rest }) => ({
                ...rest,
                override: overrideReason ? { reason: overrideReason } : undefined,
              }))(values),
            )
      }
      onReload={onReload}
      onClose={onClose}
    >
      {(form) => (
        <>
          {!editing && (
            <Form.Item label={t('members.organization')} name="organizationId" required>
              <OrganizationSelect aria-label={t('members.organization')} />
            </Form.Item>
          )}
          <Form.Item label={t('members.name')} name="name" required>
            <Input />
          </Form.Item>
          <Form.Item
            label={t('members.idNumber')}
            name="idNumber"
            required
            extra={editing ? t('members.maskedHint') : t('members.idNumberHint')}
          >
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('members.phone')} name="phone">
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('members.ethnicity')} name="ethnicity">
            <Input />
          </Form.Item>
          <Form.Item label={t('members.education')} name="education">
            <Select allowClear options={educations.map((e) => ({ value: e, label: t(`members.educations.${e}`) }))} />
          </Form.Item>
          <Form.Item label={t('members.occupation')} name="occupation">
            <Input />
          </Form.Item>
          <Form.Item label={t('members.category')} name="category" required>
            <Select options={categories.map((c) => ({ value: c, label: t(`members.categories.${c}`) }))} />
          </Form.Item>
          {!editing && (
            <>
              <Form.Item label={t('members.stage')} name="stage" required>
                <Select
                  options={stages.map((s) => ({ value: s, label: t(`members.stages.${s}`) }))}
                  onChange={() =>
                    form.setFieldsValue({
                      joinedOn: undefined,
                      fullMemberOn: undefined,
                      activistOn: undefined,
                      candidateOn: undefined,
                    })
                  }
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(before, after) => before.stage !== after.stage}>
                {({ getFieldValue }) => (
                  <>
                    {['Applicant', 'Activist', 'Candidate'].includes(getFieldValue('stage')) && (
                      <>
                        <Form.Item label={t('members.appliedOn')} name="appliedOn" required>
                          <DateField />
                        </Form.Item>
                        {getFieldValue('stage') === 'Applicant' && (
                          <Form.Item label={t('members.talkOn')} name="talkOn">
                            <DateField />
                          </Form.Item>
                        )}
                      </>
                    )}
                    {['Activist', 'Candidate'].includes(getFieldValue('stage')) && (
                      <Form.Item label={t('members.activistOn')} name="activistOn" required>
                        <DateField />
                      </Form.Item>
                    )}
                    {getFieldValue('stage') === 'Candidate' && (
                      <Form.Item label={t('members.candidateOn')} name="candidateOn" required>
                        <DateField />
                      </Form.Item>
                    )}
                    {['Probationary', 'Full'].includes(getFieldValue('stage')) && (
                      <Form.Item label={t('members.joinedOn')} name="joinedOn" required>
                        <DateField />
                      </Form.Item>
                    )}
                    {getFieldValue('stage') === 'Full' && (
                      <Form.Item label={t('members.fullMemberOn')} name="fullMemberOn" required>
                        <DateField />
                      </Form.Item>
                    )}
                    {/* The dates keep the least times between steps; a record that broke them on the higher
                        committee's word is registered with a reason. */}
                    {canOverride && getFieldValue('stage') !== 'Applicant' && (
                      <Form.Item
                        label={t('pipeline.overrideReason')}
                        name="overrideReason"
                        extra={t('pipeline.overrideHint')}
                      >
                        <Input />
                      </Form.Item>
                    )}
                  </>
                )}
              </Form.Item>
            </>
          )}
        </>
      )}
    </FormModal>
  );
}
