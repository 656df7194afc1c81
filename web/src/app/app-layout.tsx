import { ApartmentOutlined, ClusterOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { setLanguage } from '@/lib/i18n';
import { useMe } from '@/lib/auth';
import { useSignOut } from '@/features/auth/api/sign-out';

/** The signed-in frame: modules on the left (only those that exist; Members and the rest join as they are built), the user, scope, language and sign-out on top. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();

  if (me.isLoading) {
    return <Spin fullscreen />;
  }
  if (me.isError || !me.data) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  }
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider theme="light" breakpoint="lg" collapsedWidth={0}>
        <Typography.Title level={4} style={{ padding: '16px 24px', margin: 0, color: '#c00' }}>
          {t('appName')}
        </Typography.Title>
        <Menu
          mode="inline"
          selectedKeys={[location.pathname.split('/')[1] ?? '']}
          items={[
            { key: 'organizations', icon: <ApartmentOutlined />, label: t('layout.organizations'), onClick: () => void navigate('/organizations') },
            { key: 'coalitions', icon: <ClusterOutlined />, label: t('layout.coalitions'), onClick: () => void navigate('/coalitions') },
            ...(me.data.permissions.includes('members.read')
              ? [{ key: 'members', icon: <TeamOutlined />, label: t('layout.members'), onClick: () => void navigate('/members') }]
              : []),
          ]}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end' }}>
          <Space>
            <span>
              {me.data.displayName} · {me.data.scope?.name ?? t('layout.scopeAll')}
            </span>
            <Button onClick={async () => {
              await setLanguage(i18n.language === 'en-US' ? 'zh-CN' : 'en-US');
              // Level names, warnings and messages come from the server in the chosen language.
              await queryClient.invalidateQueries();
            }}>{t('layout.language')}</Button>
            <Button onClick={() => signOut.mutate(undefined, { onSuccess: () => void navigate('/sign-in') })}>{t('layout.signOut')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export default AppLayout;
