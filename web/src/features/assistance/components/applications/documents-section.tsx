import { Alert, Button, Form, Input, List, Space, Typography, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  documentExtensions,
  documentProblem,
  downloadApplicationDocument,
  maxDocuments,
  uploadApplicationDocument,
  useApplicationDocuments,
  type ApplicationDocument,
} from '@/features/assistance/api/documents';
import type { Application } from '@/features/assistance/api/applications';
import { FormModal } from '@/components/form-modal';
import { QueryView } from '@/components/query-view';
import { useCan } from '@/lib/auth';
import { ApiError } from '@/lib/problem';

/** Statuses in which the server still takes documents (until payment, rejection or cancellation). */
const open = new Set(['Submitted', 'Reviewed', 'StreetApproved', 'Approved']);

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * The application's supporting documents (证明材料): names masked as the server lists them, an upload checked here
 * by kind and size before the server checks again, and a download that asks for the audited reason first.
 */
export function DocumentsSection({ application }: { application: Application }) {
  const { t } = useTranslation();
  const w = (k: string, values?: Record<string, unknown>) => t(`assistanceDocuments.${k}`, values);
  const documents = useApplicationDocuments(application.id);
  const client = useQueryClient();
  const canWrite = useCan('funds.write');
  const [error, setError] = useState<string>();
  const [uploading, setUploading] = useState(false);
  const [downloading, setDownloading] = useState<ApplicationDocument>();
  const count = documents.data?.length ?? 0;
  const canUpload = canWrite && open.has(application.status) && count < maxDocuments;

  const upload = async (file: File) => {
    setError(undefined);
    const problem = documentProblem(file);
    if (problem) {
      setError(w(problem));
      return;
    }
    setUploading(true);
    try {
      await uploadApplicationDocument(application.id, application.version, file);
      await client.invalidateQueries({ queryKey: ['assistance', 'applications'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : w('uploadFailed'));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {w('title')}
        </Typography.Title>
        {canUpload && (
          <Upload
            accept={documentExtensions.join(',')}
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button loading={uploading}>{w('upload')}</Button>
          </Upload>
        )}
      </Space>
      {canUpload && <Typography.Text type="secondary">{w('hint', { max: maxDocuments })}</Typography.Text>}
      {error && <Alert type="error" showIcon title={error} closable onClose={() => setError(undefined)} />}
      <QueryView query={documents}>
        <List
          size="small"
          loading={documents.isLoading}
          dataSource={documents.data ?? []}
          locale={{ emptyText: w('none') }}
          renderItem={(d) => (
            <List.Item
              actions={[
                <Button key="download" type="link" onClick={() => setDownloading(d)}>
                  {w('download')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={d.fileName}
                description={[size(d.size), d.uploadedByName, dayjs(d.uploadedAt).format('YYYY-MM-DD HH:mm')].join(
                  ' · ',
                )}
              />
            </List.Item>
          )}
        />
      </QueryView>
      {downloading && (
        <FormModal<{ reason: string }>
          title={w('downloadTitle', { name: downloading.fileName })}
          fields={['reason']}
          okText={w('download')}
          onSubmit={async ({ reason }) =>
            downloadApplicationDocument(application.id, downloading.id, reason ?? '', downloading.fileName)
          }
          onClose={() => setDownloading(undefined)}
        >
          <Alert type="info" showIcon title={w('audited')} style={{ marginBottom: 12 }} />
          <Form.Item label={w('reason')} name="reason" required extra={w('reasonLength')}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}
