import { Button, Input, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import {
  issueCertificate,
  useActivities,
  useTeams,
  useVolunteers,
  type Activity,
  type Team,
  type Volunteer,
} from '@/features/volunteering/api/volunteer-hours';
import { ActivityDrawer } from '@/features/volunteering/components/volunteer-hours/activity-drawer';
import { CreateActivityDialog } from '@/features/volunteering/components/volunteer-hours/create-activity-dialog';
import { CreateTeamDialog } from '@/features/volunteering/components/volunteer-hours/create-team-dialog';
import { ListTab } from '@/features/volunteering/components/volunteer-hours/list-tab';
import { LateEntriesTab } from '@/features/volunteering/components/volunteer-hours/late-entries-tab';
import { RegisterVolunteerDialog } from '@/features/volunteering/components/volunteer-hours/register-volunteer-dialog';
import { StarTag } from '@/features/volunteering/components/volunteer-hours/star-tag';
import { TeamDrawer } from '@/features/volunteering/components/volunteer-hours/team-drawer';
import { PageHeading } from '@/components/page-heading';
import { useTableState } from '@/hooks/use-table-state';
import { useCan } from '@/lib/auth';
import { formatTime } from '@/features/volunteering/components/volunteer-hours/time';

/** Volunteer teams, volunteers with their hours and stars, activities with sign-up and check-in, late entries. */
export function VolunteerHoursPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'volunteers';
  return (
    <>
      <PageHeading>{t('volunteerHours.title')}</PageHeading>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'volunteers', label: t('volunteerHours.tabs.volunteers'), children: <VolunteersTab /> },
          { key: 'teams', label: t('volunteerHours.tabs.teams'), children: <TeamsTab /> },
          { key: 'activities', label: t('volunteerHours.tabs.activities'), children: <ActivitiesTab /> },
          { key: 'late-entries', label: t('volunteerHours.tabs.lateEntries'), children: <LateEntriesTab /> },
        ]}
      />
    </>
  );
}

function VolunteersTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useCan('volunteering.write');
  const table = useTableState('-totalHours');
  const [q, setQ] = useState<string>();
  const volunteers = useVolunteers(table.query, q);
  const [registering, setRegistering] = useState(false);
  return (
    <>
      <ListTab<Volunteer>
        list="volunteers"
        query={volunteers}
        table={table}
        createLabel={t('volunteerHours.register')}
        onCreate={() => setRegistering(true)}
        filters={
          <Input.Search
            allowClear
            aria-label={t('volunteerHours.search')}
            placeholder={t('volunteerHours.search')}
            onSearch={(value) => {
              setQ(value || undefined);
              table.reset();
            }}
          />
        }
        columns={[
          { title: t('volunteerHours.name'), dataIndex: 'name', key: 'name', ...table.sortable('name') },
          // On a phone the name, hours and star come first; the rest is in the volunteer's own page.
          {
            title: t('volunteerHours.kind'),
            key: 'kind',
            responsive: ['md'],
            render: (_, v) => t(`volunteerHours.kinds.${v.kind}`),
          },
          {
            title: t('volunteerHours.organization'),
            dataIndex: 'organizationName',
            key: 'organization',
            responsive: ['md'],
          },
          { title: t('volunteerHours.phone'), dataIndex: 'phoneMasked', key: 'phone', responsive: ['lg'] },
          {
            title: t('volunteerHours.hours'),
            dataIndex: 'totalHours',
            key: 'totalHours',
            ...table.sortable('totalHours'),
          },
          { title: t('volunteerHours.star'), key: 'star', render: (_, v) => <StarTag level={v.starLevel} /> },
          {
            title: '',
            key: 'actions',
            render: (_, v) =>
              canWrite &&
              v.totalHours > 0 && (
                <Button
                  size="small"
                  onClick={async () => {
                    const certificate = await issueCertificate(v.id);
                    void navigate(`/volunteering/certificates/${certificate.id}`);
                  }}
                >
                  {t('volunteerHours.certificate')}
                </Button>
              ),
          },
        ]}
      />
      {registering && <RegisterVolunteerDialog onClose={() => setRegistering(false)} />}
    </>
  );
}

function TeamsTab() {
  const { t } = useTranslation();
  const table = useTableState('name');
  const teams = useTeams(table.query);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string>();
  return (
    <>
      <ListTab<Team>
        list="teams"
        query={teams}
        table={table}
        createLabel={t('volunteerHours.createTeam')}
        onCreate={() => setCreating(true)}
        columns={[
          {
            title: t('volunteerHours.teamName'),
            key: 'name',
            ...table.sortable('name'),
            render: (_, team) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(team.id)}>
                {team.name}
              </Button>
            ),
          },
          { title: t('volunteerHours.organization'), dataIndex: 'organizationName', key: 'organization' },
          { title: t('volunteerHours.leader'), dataIndex: 'leaderName', key: 'leader' },
          {
            title: t('volunteerHours.memberCount'),
            dataIndex: 'memberCount',
            key: 'memberCount',
            ...table.sortable('memberCount'),
          },
          {
            title: t('volunteerHours.skills'),
            key: 'skills',
            render: (_, team) => team.skills.map((s) => <Tag key={s}>{s}</Tag>),
          },
        ]}
      />
      {creating && <CreateTeamDialog onClose={() => setCreating(false)} />}
      {open && <TeamDrawer id={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}

function ActivitiesTab() {
  const { t } = useTranslation();
  const table = useTableState('-startsAt');
  const activities = useActivities(table.query);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string>();
  return (
    <>
      <ListTab<Activity>
        list="activities"
        query={activities}
        table={table}
        createLabel={t('volunteerHours.createActivity')}
        onCreate={() => setCreating(true)}
        columns={[
          {
            title: t('volunteerHours.activity'),
            key: 'title',
            ...table.sortable('title'),
            render: (_, a) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(a.id)}>
                {a.title}
              </Button>
            ),
          },
          { title: t('volunteerHours.place'), dataIndex: 'place', key: 'place' },
          {
            title: t('volunteerHours.startsAt'),
            key: 'startsAt',
            ...table.sortable('startsAt'),
            render: (_, a) => formatTime(a.startsAt),
          },
          { title: t('volunteerHours.endsAt'), key: 'endsAt', render: (_, a) => formatTime(a.endsAt) },
          {
            title: t('volunteerHours.signedUp'),
            key: 'signedUp',
            ...table.sortable('signedUp'),
            render: (_, a) => `${a.signedUp} / ${a.quota}`,
          },
        ]}
      />
      {creating && <CreateActivityDialog onClose={() => setCreating(false)} />}
      {open && <ActivityDrawer id={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}

export default VolunteerHoursPage;
