import { Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  OrganizationField,
  OrganizationInput,
  OrganizationKind,
} from '@/features/organizations/api/save-organization';
import { FormModal } from '@/components/form-modal';
import { DateField } from '@/components/date-field';

export const organizationKinds: OrganizationKind[] = [
  'Committee',
  'WorkingCommittee',
  'LeadingGroup',
  'GeneralBranch',
  'Branch',
  'JointBranch',
  'TemporaryBranch',
];
export const organizationFields: OrganizationField[] = [
  'Government',
  'PublicInstitution',
  'StateOwnedEnterprise',
  'PrivateEnterprise',
  'SocialOrganization',
  'Village',
  'UrbanCommunity',
  'School',
  'Other',
];
const formFields = [
  'name',
  'shortName',
  'kind',
  'field',
  'secretaryName',
  'establishedOn',
  'termStartedOn',
  'hasCommittee',
  'description',
];

/** 党支部 of every kind: whether one has a committee or a secretary only is asked of these alone. */
const branchKinds: OrganizationKind[] = ['Branch', 'JointBranch', 'TemporaryBranch'];

interface Props {
  title: string;
  initial?: Partial<OrganizationInput>;
  onSubmit: (input: OrganizationInput) => Promise<void>;
  onClose: () => void;
  onReload?: () => void;
}

/** Create or edit an organization; the server's messages land on their fields. */
export function OrganizationForm({ title, initial, onSubmit, onClose, onReload }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal<OrganizationInput>
      title={title}
      fields={formFields}
      initialValues={{ kind: 'Branch', field: 'UrbanCommunity', ...initial }}
      onSubmit={onSubmit}
      onClose={onClose}
      onReload={onReload}
    >
      <Form.Item label={t('form.name')} name="name" required>
        <Input autoFocus />
      </Form.Item>
      <Form.Item label={t('form.shortName')} name="shortName">
        <Input />
      </Form.Item>
      <Form.Item label={t('organizations.kind')} name="kind" required>
        <Select options={organizationKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
      </Form.Item>
      <Form.Item label={t('organizations.field')} name="field" required>
        <Select options={organizationFields.map((f) => ({ value: f, label: t(`field.${f}`) }))} />
      </Form.Item>
      <Form.Item label={t('organizations.secretary')} name="secretaryName">
        <Input />
      </Form.Item>
      <Form.Item label={t('form.establishedOn')} name="establishedOn">
        <DateField />
      </Form.Item>
      <Form.Item label={t('form.termStartedOn')} name="termStartedOn">
        <DateField />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(before, after) => before.kind !== after.kind}>
        {({ getFieldValue }) =>
          branchKinds.includes(getFieldValue('kind') as OrganizationKind) && (
            <Form.Item name="hasCommittee" valuePropName="checked" extra={t('organizations.hasCommitteeHint')}>
              <Checkbox>{t('organizations.hasCommittee')}</Checkbox>
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item label={t('form.description')} name="description">
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
