import type { ThemeConfig } from 'antd';

/**
 * Colours chosen for WCAG 2.1 AA contrast (4.5:1 for text on white and on the grey page background): Ant Design's
 * defaults give links 4.1:1, secondary text 3.4:1, placeholders 1.8:1 and the danger red 3.3:1.
 */
export const colors = {
  primary: '#b80000',
  link: '#0050b3',
  success: '#237804',
  warning: '#ad4e00',
  error: '#b80000',
  textSecondary: '#595959',
  placeholder: '#6e6e6e',
  focusRing: '#0050b3',
};

export const theme: ThemeConfig = {
  token: {
    colorPrimary: colors.primary,
    colorLink: colors.link,
    colorInfo: colors.link,
    colorSuccess: colors.success,
    colorWarning: colors.warning,
    colorError: colors.error,
    colorTextSecondary: colors.textSecondary,
    colorTextDescription: colors.textSecondary,
    colorTextTertiary: colors.textSecondary,
    colorTextPlaceholder: colors.placeholder,
    colorTextDisabled: '#6e6e6e',
  },
};
