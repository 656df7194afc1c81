import { Button, Descriptions, Drawer, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRectification } from '@/features/organizations/api/rectifications';
import { CloseRectificationDialog } from '@/features/organizations/components/rectifications/close-dialog';
import { RectificationNoteDialog } from '@/features/organizations/components/rectifications/note-dialog';
import { LoadFailure } from '@/components/result-pages';

interface Props {
  organizationId: string;
  rectificationId: string;
  canWrite: boolean;
  onClose: () => void;
  onChanged: () => Promise<void>;
}

/** One rectification: reasons, plan, the notes so far; adding a note and closing it. */
export function RectificationDrawer({ organizationId, rectificationId, canWrite, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const query = useRectification(organizationId, rectificationId);
  const [dialog, setDialog] = useState<'note' | 'close'>();
  const r = query.data?.rectification;
  const open = r?.status === 'Open';

  async function changed() {
    await query.refetch();
    await onChanged();
  }

  return (
    <Drawer
      open
      size="large"
      title={r ? `${t('rectifications.title')} · ${r.organizationName}` : t('rectifications.title')}
      onClose={onClose}
      extra={
        r &&
        open &&
        canWrite && (
          <Space>
            <Button onClick={() => setDialog('note')}>{t('rectifications.addNote')}</Button>
            <Button danger onClick={() => setDialog('close')}>
              {t('rectifications.close')}
            </Button>
          </Space>
        )
      }
    >
      {query.isError ? (
        <LoadFailure error={query.error} />
      ) : !r ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('rectifications.reasons')}>
              {r.reasons.map((reason) => (
                <Tag key={reason}>{reason}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('rectifications.plan')}>{r.plan}</Descriptions.Item>
            <Descriptions.Item label={t('rectifications.responsible')}>{r.responsiblePerson}</Descriptions.Item>
            <Descriptions.Item label={t('rectifications.flaggedOn')}>{r.flaggedOn}</Descriptions.Item>
            <Descriptions.Item label={t('rectifications.dueOn')}>
              {r.overdue ? (
                <Typography.Text type="danger">
                  {r.dueOn} · {t('rectifications.overdue')}
                </Typography.Text>
              ) : (
                r.dueOn
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('organizations.status')}>
              {t(`rectifications.status.${r.status}`)}
              {r.closedOn ? ` · ${r.closedOn}` : ''}
            </Descriptions.Item>
            {r.closureNote && (
              <Descriptions.Item label={t('rectifications.closureNote')}>{r.closureNote}</Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('rectifications.notes')}
          </Typography.Title>
          {r.notes.length === 0 ? (
            <Typography.Text type="secondary">{t('rectifications.noNotes')}</Typography.Text>
          ) : (
            <Timeline items={r.notes.map((note) => ({ key: note.id, title: note.notedOn, content: note.content }))} />
          )}
        </>
      )}
      {dialog === 'note' && (
        <RectificationNoteDialog
          organizationId={organizationId}
          rectificationId={rectificationId}
          onAdded={changed}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog === 'close' && query.data && (
        <CloseRectificationDialog
          organizationId={organizationId}
          rectificationId={rectificationId}
          etag={query.data.etag}
          onClosed={changed}
          onReload={() => void query.refetch()}
          onClose={() => setDialog(undefined)}
        />
      )}
    </Drawer>
  );
}
