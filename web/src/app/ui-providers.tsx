import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { theme } from '@/app/theme';
import { setErrorNotifier } from '@/lib/notify';

function Notifier() {
  const { notification } = AntApp.useApp();
  useEffect(() => {
    setErrorNotifier((title, detail) => notification.error({ title, description: detail }));
  }, [notification]);
  return null;
}

/** Ant Design in the chosen language and the app's theme, with failures announced as notifications. */
export function UiProviders({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  // Date pickers' month names and first day of the week (Monday in China) follow the language.
  dayjs.locale(i18n.language === 'en-US' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={i18n.language === 'en-US' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <Notifier />
        {children}
      </AntApp>
    </ConfigProvider>
  );
}
