import {
  ApartmentOutlined,
  BankOutlined,
  CalendarOutlined,
  ClusterOutlined,
  GiftOutlined,
  HeartOutlined,
  MenuOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Space, Spin, Typography, type MenuProps } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { UiProviders } from '@/app/ui-providers';
import { useSignOut } from '@/features/auth/api/sign-out';
import { setLanguage } from '@/lib/i18n';
import { useMe, type CurrentUser } from '@/lib/auth';
import { useScrollableRegions } from '@/hooks/use-scrollable-regions';
import './app-layout.css';

/** The signed-in frame, with Ant Design's providers (the sign-in page loads none of them). */
export function AppLayout() {
  return (
    <UiProviders>
      <Frame />
    </UiProviders>
  );
}

/**
 * Modules on the left (a drawer behind a menu button on a phone), the user, roles, scope, language and sign-out on
 * top. A skip link leads past the menu; after each navigation focus moves to the new screen's heading.
 */
function Frame() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const wide = Grid.useBreakpoint().lg ?? true;
  const [menuOpen, setMenuOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useScrollableRegions(main, t('layout.scrollableTable'), !!me.data);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // The screen's heading, once it has drawn (screens load lazily); the main region when it has none yet.
    const timer = window.setTimeout(
      () => (main.current?.querySelector<HTMLElement>('h1') ?? main.current)?.focus(),
      50,
    );
    return () => window.clearTimeout(timer);
  }, [location.pathname]);

  if (me.isLoading) {
    return <Spin fullscreen />;
  }
  if (me.isError || !me.data) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  }
  const menu = <ModuleMenu user={me.data} onNavigate={() => setMenuOpen(false)} />;
  return (
    <Layout className="app-frame">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        {t('layout.skipToContent')}
      </a>
      {wide && (
        <Layout.Sider theme="light" width={200} className="app-sider">
          <AppName />
          <nav aria-label={t('layout.modules')}>{menu}</nav>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header">
          {!wide && (
            <>
              <Button
                icon={<MenuOutlined />}
                aria-label={t('layout.openMenu')}
                aria-expanded={menuOpen}
                onClick={() => setMenuOpen(true)}
              />
              <AppName />
              <Drawer
                placement="left"
                open={menuOpen}
                onClose={() => setMenuOpen(false)}
                size={240}
                title={t('appName')}
                styles={{ body: { padding: 0 } }}
              >
                <nav aria-label={t('layout.modules')}>{menu}</nav>
              </Drawer>
            </>
          )}
          <UserBar user={me.data} wide={wide} />
        </Layout.Header>
        <Layout.Content id="main" ref={main} tabIndex={-1} className="app-content" role="main">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function AppName() {
  const { t } = useTranslation();
  return <Typography.Text className="app-name">{t('appName')}</Typography.Text>;
}

/** Menu items are links: each is a Tab stop, opens with Enter, and can be opened in a new tab. */
function ModuleMenu({ user, onNavigate }: { user: CurrentUser; onNavigate: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const items: MenuProps['items'] = [
    {
      key: 'organizations',
      icon: <ApartmentOutlined />,
      label: <Link to="/organizations">{t('layout.organizations')}</Link>,
    },
    { key: 'coalitions', icon: <ClusterOutlined />, label: <Link to="/coalitions">{t('layout.coalitions')}</Link> },
    ...(user.permissions.includes('members.read')
      ? [{ key: 'members', icon: <TeamOutlined />, label: <Link to="/members">{t('layout.members')}</Link> }]
      : []),
    ...(user.permissions.includes('volunteering.read')
      ? [
          {
            key: 'volunteering',
            icon: <HeartOutlined />,
            label: t('volunteering.menu'),
            // Each area of the module appends its item here.
            children: [
              {
                key: 'volunteering/demands',
                label: <Link to="/volunteering/demands">{t('volunteering.demandsMenu')}</Link>,
              },
              { key: 'volunteering/wishes', label: <Link to="/volunteering/wishes">{t('wishes.menu')}</Link> },
              {
                key: 'volunteering/hours',
                label: <Link to="/volunteering/hours">{t('volunteerHours.menu')}</Link>,
              },
              {
                key: 'volunteering/statistics',
                label: <Link to="/volunteering/statistics">{t('volunteerStats.menu')}</Link>,
              },
            ],
          },
        ]
      : []),
    // 集体经济: one group; each screen of the module appends its item (key = its path without the leading slash).
    ...(user.permissions.includes('dividends.read')
      ? [
          {
            key: 'dividends',
            icon: <BankOutlined />,
            label: t('dividends.menu'),
            children: [
              {
                key: 'dividends/collectives',
                label: <Link to="/dividends/collectives">{t('dividends.collectives')}</Link>,
              },
              {
                key: 'dividends/statistics',
                label: <Link to="/dividends/statistics">{t('dividendFinish.statistics.menu')}</Link>,
              },
            ],
          },
        ]
      : []),
    ...(user.permissions.includes('funds.read')
      ? [
          {
            key: 'assistance',
            icon: <GiftOutlined />,
            label: t('assistance.menu.group'),
            // Assistance's screens, one item each (each area appends its own).
            children: [
              {
                key: 'assistance/fund',
                label: <Link to="/assistance/fund">{t('assistance.menu.fund')}</Link>,
              },
              {
                key: 'assistance/visits',
                label: <Link to="/assistance/visits">{t('assistanceCare.menu.visits')}</Link>,
              },
              {
                key: 'assistance/condolences',
                label: <Link to="/assistance/condolences">{t('assistanceCare.menu.condolences')}</Link>,
              },
              {
                key: 'assistance/pairings',
                label: <Link to="/assistance/pairings">{t('assistanceCare.menu.pairings')}</Link>,
              },
              {
                key: 'assistance/ledger',
                label: <Link to="/assistance/ledger">{t('assistanceCare.menu.ledger')}</Link>,
              },
              {
                key: 'assistance/applications',
                label: <Link to="/assistance/applications">{t('assistanceApply.menu')}</Link>,
              },
              {
                key: 'assistance/statistics',
                label: <Link to="/assistance/statistics">{t('assistanceStats.menu')}</Link>,
              },
            ],
          },
        ]
      : []),
    { key: 'calendar', icon: <CalendarOutlined />, label: <Link to="/calendar">{t('layout.calendar')}</Link> },
  ];
  const [first = '', second] = location.pathname.split('/').slice(1);
  // A module group's items are keyed by two path segments, the other items by one.
  const selected = second ? [first, `${first}/${second}`] : [first];
  return <Menu mode="inline" selectedKeys={selected} defaultOpenKeys={[first]} items={items} onClick={onNavigate} />;
}

/** Who is signed in, with their roles in the user's language and the organizations they see. */
function UserBar({ user, wide }: { user: CurrentUser; wide: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const roles = user.roles.map((role) => t(`roles.${role}`, { defaultValue: t('roles.other') })).join('、');
  return (
    <Space className="app-user" size={wide ? 'middle' : 'small'} wrap={false}>
      {wide && (
        <span className="app-user-text">
          {user.displayName} · {roles} · {user.scope?.name ?? t('layout.scopeAll')}
        </span>
      )}
      <Button
        lang={i18n.language === 'en-US' ? 'zh-CN' : 'en-US'}
        onClick={async () => {
          await setLanguage(i18n.language === 'en-US' ? 'zh-CN' : 'en-US');
          // Level names, warnings and messages come from the server in the chosen language.
          await queryClient.invalidateQueries();
        }}
      >
        {t('layout.language')}
      </Button>
      <Button onClick={() => signOut.mutate(undefined, { onSuccess: () => void navigate('/sign-in') })}>
        {t('layout.signOut')}
      </Button>
    </Space>
  );
}

export default AppLayout;
