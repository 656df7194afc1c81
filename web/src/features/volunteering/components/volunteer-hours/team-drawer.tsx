import { App as AntApp, Button, Descriptions, Drawer, Space, Table } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addTeamMember, setTeamLeader, useTeam, type Volunteer } from '@/features/volunteering/api/volunteer-hours';
import { StarTag } from '@/features/volunteering/components/volunteer-hours/star-tag';
import { VolunteerPicker } from '@/features/volunteering/components/volunteer-hours/volunteer-picker';
import { QueryView } from '@/components/query-view';
import { useCan } from '@/lib/auth';

/** A team with its members; coordinators add members and name the leader. */
export function TeamDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const canWrite = useCan('volunteering.write');
  const team = useTeam(id);
  const [picked, setPicked] = useState<string>();

  async function act(action: () => Promise<void>) {
    try {
      await action();
      void message.success(t('volunteerHours.saved'));
    } catch (error) {
      void message.error((error as Error).message);
    }
    await client.invalidateQueries({ queryKey: ['volunteering', 'hours'] });
  }

  return (
    <Drawer open onClose={onClose} title={team.data?.team.name} size="large">
      <QueryView query={team}>
        {team.data && (
          <>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'org', label: t('volunteerHours.organization'), children: team.data.team.organizationName },
                { key: 'leader', label: t('volunteerHours.leader'), children: team.data.team.leaderName ?? '—' },
                { key: 'skills', label: t('volunteerHours.skills'), children: team.data.team.skills.join('、') },
              ]}
            />
            {canWrite && (
              <Space wrap style={{ margin: '12px 0' }}>
                <VolunteerPicker value={picked} onChange={setPicked} />
                <Button disabled={!picked} onClick={() => act(() => addTeamMember(team.data.team, picked!))}>
                  {t('volunteerHours.addMember')}
                </Button>
              </Space>
            )}
            <Table<Volunteer>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={team.data.members}
              columns={[
                { title: t('volunteerHours.name'), dataIndex: 'name', key: 'name' },
                { title: t('volunteerHours.kind'), key: 'kind', render: (_, v) => t(`volunteerHours.kinds.${v.kind}`) },
                { title: t('volunteerHours.phone'), dataIndex: 'phoneMasked', key: 'phone' },
                { title: t('volunteerHours.hours'), dataIndex: 'totalHours', key: 'hours' },
                { title: t('volunteerHours.star'), key: 'star', render: (_, v) => <StarTag level={v.starLevel} /> },
                {
                  title: '',
                  key: 'leader',
                  render: (_, v) =>
                    canWrite &&
                    v.id !== team.data.team.leaderId && (
                      <Button size="small" onClick={() => act(() => setTeamLeader(team.data.team, v.id))}>
                        {t('volunteerHours.makeLeader')}
                      </Button>
                    ),
                },
              ]}
            />
          </>
        )}
      </QueryView>
    </Drawer>
  );
}
