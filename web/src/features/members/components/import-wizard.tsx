import { Alert, Button, Modal, Space, Statistic, Steps, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  commitImport,
  downloadImportTemplate,
  validateImport,
  type ImportReport,
} from '@/features/members/api/member-import';
import { OrganizationSelect } from '@/components/organization-select';
import { ApiError } from '@/lib/problem';

type ImportError = ImportReport['errors'][number];

/**
 * 批量导入: choose where the members go and a file, check it (the server writes nothing and lists each
 * problem by row and column), then import the whole file in one go once it is clean.
 */
export function ImportWizard({ onClose, onImported }: { onClose: () => void; onImported: (count: number) => void }) {
  const { t } = useTranslation();
  const [organizationId, setOrganizationId] = useState<string>();
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<ImportReport>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const step = report ? (report.errors.length === 0 && report.valid > 0 ? 2 : 1) : 0;

  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setFailure(undefined);
    try {
      return await action();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'import_has_errors' && error.problem.report) {
        setReport(error.problem.report as ImportReport);
      } else {
        setFailure(error instanceof ApiError ? error.message : String(error));
      }
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  async function check() {
    if (organizationId && file) {
      const checked = await run(() => validateImport(organizationId, file));
      if (checked) {
        setReport(checked);
      }
    }
  }

  async function commit() {
    if (organizationId && file) {
      const result = await run(() => commitImport(organizationId, file));
      if (result) {
        onImported(result.imported);
      }
    }
  }

  return (
    <Modal
      open
      title={t('memberImport.title')}
      width={820}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          <Button onClick={check} loading={busy && step < 2} disabled={!organizationId || !file}>
            {t('memberImport.check')}
          </Button>
          <Button type="primary" onClick={commit} loading={busy && step === 2} disabled={step !== 2}>
            {t('memberImport.commit', { count: report?.valid ?? 0 })}
          </Button>
        </Space>
      }
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('memberImport.steps.choose') },
          { title: t('memberImport.steps.check') },
          { title: t('memberImport.steps.commit') },
        ]}
      />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('memberImport.intro')}{' '}
          <Button type="link" size="small" onClick={() => run(downloadImportTemplate)}>
            {t('memberImport.template')}
          </Button>
        </Typography.Paragraph>
        <OrganizationSelect
          aria-label={t('memberImport.organization')}
          value={organizationId}
          onChange={(value) => {
            setOrganizationId((value as string) || undefined);
            setReport(undefined);
          }}
        />
        <Upload
          accept=".xlsx,.csv"
          maxCount={1}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setReport(undefined);
            return false;
          }}
          onRemove={() => {
            setFile(undefined);
            setReport(undefined);
          }}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
        >
          <Button>{t('memberImport.chooseFile')}</Button>
        </Upload>
        {failure && <Alert type="error" showIcon message={failure} />}
        {report && (
          <>
            <Space size="large">
              <Statistic title={t('memberImport.rows')} value={report.rows} />
              <Statistic title={t('memberImport.valid')} value={report.valid} />
              <Statistic
                title={t('memberImport.problems')}
                value={report.errors.length}
                valueStyle={{ color: report.errors.length ? '#cf1322' : undefined }}
              />
            </Space>
            {report.errors.length === 0 ? (
              <Alert type="success" showIcon message={t('memberImport.clean', { count: report.valid })} />
            ) : (
              <Alert type="warning" showIcon message={t('memberImport.fix')} />
            )}
            {report.errors.length > 0 && (
              <Table<ImportError>
                aria-label={t('memberImport.problems')}
                size="small"
                rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                dataSource={report.errors}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  {
                    title: t('memberImport.row'),
                    dataIndex: 'row',
                    key: 'row',
                    width: 80,
                    render: (row: number) => (row > 0 ? row : '—'),
                  },
                  {
                    title: t('memberImport.column'),
                    dataIndex: 'column',
                    key: 'column',
                    width: 160,
                    render: (column: string) => (column === 'file' ? t('memberImport.file') : column),
                  },
                  { title: t('memberImport.message'), dataIndex: 'message', key: 'message' },
                ]}
              />
            )}
          </>
        )}
      </Space>
    </Modal>
  );
}
