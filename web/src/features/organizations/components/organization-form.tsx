import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationField, OrganizationInput, OrganizationKind } from '@/features/organizations/api/save-organization';
import { ApiError, fieldErrorsFor } from '@/lib/problem';

const kinds: OrganizationKind[] = ['Committee', 'WorkingCommittee', 'LeadingGroup', 'GeneralBranch', 'Branch', 'JointBranch', 'TemporaryBranch'];
const fields: OrganizationField[] = ['Government', 'PublicInstitution', 'StateOwnedEnterprise', 'PrivateEnterprise', 'SocialOrganization', 'Village', 'UrbanCommunity', 'School', 'Other'];
const formFields = ['name', 'shortName', 'kind', 'field', 'secretaryName', 'establishedOn', 'termStartedOn', 'description'];

interface Props {
  title: string;
  initial?: Partial<OrganizationInput>;
  onSubmit: (input: OrganizationInput) => Promise<void>;
  onClose: () => void;
}

/**
 * Create or edit an organization. The server decides what is valid: each message it returns lands on its
 * field and focus moves to the first; a 412 (changed by someone else) and other refusals show above the form.
 */
export function OrganizationForm({ title, initial, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<OrganizationInput>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);

  async function save() {
    const values = form.getFieldsValue();
    const input: OrganizationInput = {
      ...values,
      shortName: values.shortName || null,
      secretaryName: values.secretaryName || null,
      establishedOn: values.establishedOn || null,
      termStartedOn: values.termStartedOn || null,
      description: values.description || null,
    };
    setProblem(undefined);
    setSaving(true);
    try {
      await onSubmit(input);
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const { fields: errors, other } = fieldErrorsFor(error, formFields);
        form.setFields(errors as Parameters<typeof form.setFields>[0]);
        if (errors[0]) {
          form.focusField(errors[0].name as Parameters<typeof form.focusField>[0]);
        }
        setProblem(other[0]);
      } else if (error instanceof ApiError && error.status === 412) {
        setProblem(t('errors.conflict'));
      } else {
        setProblem(error instanceof ApiError ? error.message : t('errors.generic'));
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open title={title} onOk={() => void save()} onCancel={onClose} confirmLoading={saving} okText={t('form.save')} cancelText={t('form.cancel')} destroyOnHidden>
      {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'Branch', field: 'UrbanCommunity', ...initial }}>
        <Form.Item label={t('form.name')} name="name">
          <Input />
        </Form.Item>
        <Form.Item label={t('form.shortName')} name="shortName">
          <Input />
        </Form.Item>
        <Form.Item label={t('organizations.kind')} name="kind">
          <Select options={kinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('organizations.field')} name="field">
          <Select options={fields.map((f) => ({ value: f, label: t(`field.${f}`) }))} />
        </Form.Item>
        <Form.Item label={t('organizations.secretary')} name="secretaryName">
          <Input />
        </Form.Item>
        <Form.Item label={t('form.establishedOn')} name="establishedOn">
          <Input type="date" />
        </Form.Item>
        <Form.Item label={t('form.termStartedOn')} name="termStartedOn">
          <Input type="date" />
        </Form.Item>
        <Form.Item label={t('form.description')} name="description">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
