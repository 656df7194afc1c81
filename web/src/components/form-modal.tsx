import { Alert, Button, Form, Modal, Space, type FormInstance } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrorsFor } from '@/lib/problem';

interface Props<T> {
  title: string;
  /** The form's top-level field names: a server error for one of them lands on it, the rest above the form. */
  fields: string[];
  initialValues?: Partial<T>;
  /** Sends the values; throws an ApiError when the server refuses them. */
  onSubmit: (values: T) => Promise<void>;
  onClose: () => void;
  /** After a 412: reload what the form was opened on, so the user can redo the change on fresh data. */
  onReload?: () => void;
  okText?: string;
  children: ReactNode | ((form: FormInstance<T>) => ReactNode);
}

/** Empty inputs are absent values to the API, not empty strings. */
function withoutEmptyStrings<T>(values: T): T {
  return Object.fromEntries(
    Object.entries(values as Record<string, unknown>).map(([key, value]) => [
      key,
      value === '' || value === undefined ? null : value,
    ]),
  ) as T;
}

/**
 * A form in a dialog whose validity the server decides: each 400 message lands on its field and focus moves
 * to the first; 412 says someone else changed the data and offers a reload; other refusals show above the form.
 */
export function FormModal<T extends object>({
  title,
  fields,
  initialValues,
  onSubmit,
  onClose,
  onReload,
  okText,
  children,
}: Props<T>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<T>();
  const [problem, setProblem] = useState<{ message: string; stale?: boolean }>();
  const [saving, setSaving] = useState(false);
  // A second Enter while the first save is on its way must not send the request twice.
  const inFlight = useRef(false);

  async function save() {
    if (inFlight.current) {
      return;
    }
    inFlight.current = true;
    setProblem(undefined);
    // Errors from the last attempt go, whatever this one brings.
    form.setFields(
      fields.map((name) => ({ name, errors: [] as string[] })) as unknown as Parameters<typeof form.setFields>[0],
    );
    setSaving(true);
    try {
      // Only the fields the form shows: initial values may carry more (an edited resource's id, version…).
      await onSubmit(withoutEmptyStrings(form.getFieldsValue() as T));
      onClose();
    } catch (error) {
      // A business rule that names the field it refused (409 with `field`, e.g. a date too early) lands there too.
      const ruleField =
        error instanceof ApiError &&
        error.status === 409 &&
        typeof error.problem.field === 'string' &&
        fields.includes(error.problem.field)
          ? error.problem.field
          : undefined;
      if (error instanceof ApiError && (error.status === 400 || ruleField)) {
        const { fields: found, other } = ruleField
          ? { fields: [{ name: [ruleField], errors: [error.message] }], other: [] }
          : fieldErrorsFor(error, fields);
        // The form's items are its top-level fields: "reasons[0]" belongs on "reasons".
        const byField = new Map<string, string[]>();
        for (const { name, errors } of found) {
          byField.set(String(name[0]), [...(byField.get(String(name[0])) ?? []), ...errors]);
        }
        form.setFields(
          [...byField].map(([name, errors]) => ({ name, errors })) as Parameters<typeof form.setFields>[0],
        );
        const first = fields.find((name) => byField.has(name));
        if (first) {
          form.focusField(first as Parameters<typeof form.focusField>[0]);
        }
        setProblem(other[0] ? { message: other.join(' ') } : first ? undefined : { message: error.message });
      } else if (error instanceof ApiError && error.status === 412) {
        setProblem({ message: t('errors.conflict'), stale: true });
      } else {
        setProblem({ message: error instanceof ApiError ? error.message : t('errors.generic') });
      }
    } finally {
      inFlight.current = false;
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={title}
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={saving}
      okText={okText ?? t('form.save')}
      cancelText={t('form.cancel')}
      destroyOnHidden
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={problem.message}
          action={
            problem.stale && onReload ? (
              <Space>
                <Button
                  size="small"
                  onClick={() => {
                    onReload();
                    onClose();
                  }}
                >
                  {t('actions.reload')}
                </Button>
              </Space>
            ) : undefined
          }
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={() => void save()}
        // A field's server message is about what was there: it goes as soon as the field changes.
        onValuesChange={(changed: object) =>
          form.setFields(
            Object.keys(changed).map((name) => ({ name, errors: [] as string[] })) as Parameters<
              typeof form.setFields
            >[0],
          )
        }
      >
        {typeof children === 'function' ? children(form) : children}
        {/* Enter in any input submits, as in any form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
