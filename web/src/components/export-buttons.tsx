import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpreadsheetFormat } from '@/lib/download';
import { ApiError } from '@/lib/problem';

interface Props {
  /** Downloads the list as on screen (its filters and sort) in the format; throws an ApiError when refused. */
  onExport: (format: SpreadsheetFormat) => Promise<void>;
  disabled?: boolean;
  /** More export actions beside the two (e.g. an export with personal data in full). */
  children?: ReactNode;
}

/**
 * Export of a list to Excel or CSV: the server writes the whole
 * list; a refusal (too many rows…) shows as a message. Not printed.
 */
export function ExportButtons({ onExport, disabled, children }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<SpreadsheetFormat>();

  async function run(format: SpreadsheetFormat) {
    setBusy(format);
    try {
      await onExport(format);
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : t('errors.generic'));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <Space.Compact className="no-print">
      <Button
        icon={<DownloadOutlined />}
        loading={busy === 'Xlsx'}
        disabled={disabled || busy !== undefined}
        onClick={() => void run('Xlsx')}
      >
        {t('exports.xlsx')}
      </Button>
      <Button loading={busy === 'Csv'} disabled={disabled || busy !== undefined} onClick={() => void run('Csv')}>
        {t('exports.csv')}
      </Button>
      {children}
    </Space.Compact>
  );
}
