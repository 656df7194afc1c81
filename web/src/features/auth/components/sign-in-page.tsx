import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSignIn, type SignInInput } from '@/features/auth/api/sign-in';
import { ApiError, fieldErrorsFor } from '@/lib/problem';

/** Sign-in; after it, back to where the user was sent from. Server messages land on their fields. */
export function SignInPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SignInInput>();
  const [message, setMessage] = useState<string>();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/organizations';

  async function submit(values: SignInInput) {
    setMessage(undefined);
    try {
      await signIn.mutateAsync(values);
      void navigate(from, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const { fields, other } = fieldErrorsFor(error, ['username', 'password']);
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        if (fields[0]) {
          form.focusField(fields[0].name as Parameters<typeof form.focusField>[0]);
        }
        setMessage(other[0]);
      } else {
        setMessage(error instanceof ApiError ? error.message : t('errors.generic'));
      }
    }
  }

  return (
    <main style={{ display: 'grid', placeItems: 'center', minHeight: '100vh', background: '#f5f5f5' }}>
      <Card title={`${t('appName')} · ${t('signIn.title')}`} style={{ width: 360 }}>
        {message && <Alert type="error" showIcon title={t('signIn.failed')} description={message} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('signIn.username')} name="username" rules={[{ required: true }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('signIn.password')} name="password" rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
