import { App as AntApp, Alert, Button, Descriptions, Drawer, Popconfirm, Space, Table, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  recordNoShow,
  signUp,
  useActivity,
  useSiteCode,
  type Session,
} from '@/features/volunteering/api/volunteer-hours';
import { AttendanceDialog } from '@/features/volunteering/components/volunteer-hours/attendance-dialog';
import { formatTime } from '@/features/volunteering/components/volunteer-hours/time';
import { VolunteerPicker } from '@/features/volunteering/components/volunteer-hours/volunteer-picker';
import { QueryView } from '@/components/query-view';
import { useCan } from '@/lib/auth';
import { ApiError } from '@/lib/problem';

const stateColors: Record<string, string> = {
  SignedUp: 'blue',
  CheckedIn: 'processing',
  Completed: 'success',
  NoShow: 'default',
  PendingApproval: 'warning',
  Rejected: 'error',
};

/** An activity's sign-ups with check-in, check-out and no-show, the code to show at the place, and sign-up. */
export function ActivityDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const canWrite = useCan('volunteering.write');
  const activity = useActivity(id);
  const siteCode = useSiteCode(id, canWrite && !!activity.data && !activity.data.activity.over);
  const [picked, setPicked] = useState<string>();
  const [attending, setAttending] = useState<{ session: Session; step: 'check-in' | 'check-out' }>();

  async function act(action: () => Promise<void>) {
    try {
      await action();
      void message.success(t('volunteerHours.saved'));
    } catch (error) {
      void message.error(
        error instanceof ApiError && error.status === 412 ? t('errors.conflict') : (error as Error).message,
      );
    }
    await client.invalidateQueries({ queryKey: ['volunteering', 'hours'] });
  }

  const a = activity.data?.activity;
  return (
    <Drawer open onClose={onClose} title={a?.title} size="large">
      <QueryView query={activity}>
        {a && (
          <>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'org', label: t('volunteerHours.organization'), children: a.organizationName },
                { key: 'place', label: t('volunteerHours.place'), children: a.place },
                {
                  key: 'time',
                  label: t('volunteerHours.startsAt'),
                  children: `${formatTime(a.startsAt)} – ${formatTime(a.endsAt)}`,
                },
                { key: 'quota', label: t('volunteerHours.signedUp'), children: `${a.signedUp} / ${a.quota}` },
              ]}
            />
            {siteCode.data && (
              <Alert
                style={{ margin: '12px 0' }}
                type="info"
                title={t('volunteerHours.siteCode', {
                  code: siteCode.data.code,
                  until: formatTime(siteCode.data.validUntil),
                })}
              />
            )}
            {canWrite && !a.over && (
              <Space wrap style={{ margin: '12px 0' }}>
                <VolunteerPicker value={picked} onChange={setPicked} />
                <Button type="primary" disabled={!picked} onClick={() => act(() => signUp(a.id, picked!))}>
                  {t('volunteerHours.signUp')}
                </Button>
              </Space>
            )}
            <Table<Session>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={activity.data?.sessions}
              columns={[
                { title: t('volunteerHours.volunteer'), dataIndex: 'volunteerName', key: 'name' },
                {
                  title: t('volunteerHours.state'),
                  key: 'state',
                  render: (_, s) => <Tag color={stateColors[s.state]}>{t(`volunteerHours.states.${s.state}`)}</Tag>,
                },
                {
                  title: t('volunteerHours.checkIn'),
                  key: 'in',
                  render: (_, s) => (s.checkedInAt ? formatTime(s.checkedInAt) : ''),
                },
                {
                  title: t('volunteerHours.checkOut'),
                  key: 'out',
                  render: (_, s) => (s.checkedOutAt ? formatTime(s.checkedOutAt) : ''),
                },
                { title: t('volunteerHours.credited'), dataIndex: 'creditedHours', key: 'credited' },
                {
                  title: '',
                  key: 'actions',
                  render: (_, s) =>
                    canWrite && (
                      <Space size="small">
                        {s.allowedSteps.includes('check-in') && (
                          <Button size="small" onClick={() => setAttending({ session: s, step: 'check-in' })}>
                            {t('volunteerHours.checkIn')}
                          </Button>
                        )}
                        {s.allowedSteps.includes('check-out') && (
                          <Button
                            size="small"
                            type="primary"
                            onClick={() => setAttending({ session: s, step: 'check-out' })}
                          >
                            {t('volunteerHours.checkOut')}
                          </Button>
                        )}
                        {s.allowedSteps.includes('no-show') && (
                          <Popconfirm title={t('volunteerHours.noShow')} onConfirm={() => act(() => recordNoShow(s))}>
                            <Button size="small">{t('volunteerHours.noShow')}</Button>
                          </Popconfirm>
                        )}
                      </Space>
                    ),
                },
              ]}
            />
          </>
        )}
      </QueryView>
      {attending && (
        <AttendanceDialog session={attending.session} step={attending.step} onClose={() => setAttending(undefined)} />
      )}
    </Drawer>
  );
}
