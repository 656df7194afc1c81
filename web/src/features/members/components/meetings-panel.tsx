import { Button, Empty, Form, Input, Select, Space, Table } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  exportMeetings,
  meetingKinds,
  recordMeeting,
  useMeetings,
  type Meeting,
  type RecordMeetingInput,
} from '@/features/members/api/meetings';
import { useMembers } from '@/features/members/api/members';
import { ExportButtons } from '@/components/export-buttons';
import { FormModal } from '@/components/form-modal';
import { OrganizationSelect } from '@/components/organization-select';
import { useTableState } from '@/hooks/use-table-state';
import { useCan } from '@/lib/auth';
import { shanghaiToday } from '@/lib/dates';
import { DateField } from '@/components/date-field';
import { QueryView } from '@/components/query-view';

interface Chosen {
  id: string;
  name: string;
}

interface AttendeeSelectProps {
  organizationId?: string;
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
}

/**
 * The attendees, among the active members of the meeting's organization itself (the server refuses others):
 * the first 200 by name, a name typed searches on the server; chosen ones keep their names across searches.
 */
function AttendeeSelect({ organizationId, id, value, onChange }: AttendeeSelectProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [names, setNames] = useState(new Map<string, string>());
  const members = useMembers(
    { organizationId, includeDescendants: false, status: 'Active', q: q || undefined },
    { page: 1, pageSize: 200, sort: 'name' },
    organizationId !== undefined,
  );
  const listed = organizationId === undefined ? [] : (members.data?.items ?? []);
  const options = new Map(names);
  for (const m of listed) {
    options.set(m.id, m.name);
  }
  const change = (next: string[]) => {
    setNames(
      (current) =>
        new Map([
          ...current,
          ...listed.filter((m) => next.includes(m.id)).map((m) => [m.id, m.name] as [string, string]),
        ]),
    );
    onChange?.(next);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select
        id={id}
        mode="multiple"
        aria-label={t('meetings.attendees')}
        value={value}
        onChange={change}
        disabled={organizationId === undefined}
        placeholder={organizationId === undefined ? t('meetings.chooseOrganizationFirst') : undefined}
        showSearch={{ filterOption: false, onSearch: setQ }}
        loading={members.isFetching}
        onBlur={() => setQ('')}
        options={[...options].map(([memberId, name]) => ({ value: memberId, label: name }))}
      />
      {listed.length > 0 && (
        <Button
          size="small"
          type="link"
          style={{ padding: 0 }}
          onClick={() => change([...new Set([...(value ?? []), ...listed.map((m) => m.id)])])}
        >
          {t('meetings.selectAll', { count: listed.length })}
        </Button>
      )}
    </Space>
  );
}

/** 组织生活 (三会一课, the theme day) of one organization, newest first, and recording a meeting with its attendees. */
export function MeetingsPanel() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canWrite = useCan('members.write');
  const [organization, setOrganization] = useState<Chosen>();
  const [recording, setRecording] = useState(false);
  const table = useTableState();
  const meetings = useMeetings(organization?.id, table.query);

  function choose(next: Chosen | undefined) {
    setOrganization(next);
    table.reset();
  }

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <div style={{ width: 320 }}>
          <OrganizationSelect
            aria-label={t('meetings.organization')}
            value={organization?.id}
            known={organization ? [organization] : []}
            onChange={(value, picked) =>
              choose(value ? { id: value as string, name: picked[0]?.name ?? organization?.name ?? '' } : undefined)
            }
          />
        </div>
        <ExportButtons
          disabled={organization === undefined}
          onExport={(format) => exportMeetings(organization!.id, table.query.sort, format)}
        />
        {canWrite && (
          <Button type="primary" onClick={() => setRecording(true)}>
            {t('meetings.record')}
          </Button>
        )}
      </Space>
      {organization === undefined ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.choose')} />
      ) : (
        <QueryView query={meetings}>
          <Table<Meeting>
            rowKey="id"
            size="small"
            loading={meetings.isFetching}
            dataSource={meetings.data?.items}
            pagination={table.pagination(meetings.data?.total)}
            onChange={table.onChange}
            columns={[
              { title: t('meetings.heldOn'), dataIndex: 'heldOn', key: 'heldOn', ...table.sortable('heldOn') },
              {
                title: t('meetings.kind'),
                dataIndex: 'kind',
                key: 'kind',
                ...table.sortable('kind'),
                render: (k: Meeting['kind']) => t(`meetings.kinds.${k}`),
              },
              {
                title: t('meetings.topic'),
                dataIndex: 'topic',
                key: 'topic',
                render: (topic: string | null | undefined) => topic || '—',
              },
              {
                title: t('meetings.attendeeCount'),
                dataIndex: 'attendeeCount',
                key: 'attendeeCount',
                ...table.sortable('attendeeCount'),
              },
            ]}
          />
        </QueryView>
      )}
      {recording && (
        <MeetingForm
          organization={organization}
          onRecorded={choose}
          onClose={() => setRecording(false)}
          refresh={() => client.invalidateQueries({ queryKey: ['members'] })}
        />
      )}
    </>
  );
}

interface MeetingFormProps {
  /** The organization the list shows, proposed for the meeting. */
  organization?: Chosen;
  /** The organization the meeting was recorded for, so the list shows it. */
  onRecorded: (organization: Chosen) => void;
  onClose: () => void;
  refresh: () => Promise<void>;
}

function MeetingForm({ organization, onRecorded, onClose, refresh }: MeetingFormProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(organization);
  return (
    <FormModal<RecordMeetingInput>
      title={t('meetings.record')}
      fields={['organizationId', 'kind', 'heldOn', 'topic', 'attendeeIds']}
      initialValues={{ organizationId: organization?.id, kind: 'GeneralMeeting', heldOn: shanghaiToday() }}
      onSubmit={async (values) => {
        const meeting = await recordMeeting(values);
        await refresh();
        onRecorded({ id: meeting.organizationId, name: chosen?.id === meeting.organizationId ? chosen.name : '' });
      }}
      onClose={onClose}
    >
      {(form) => (
        <>
          <Form.Item label={t('meetings.organization')} name="organizationId" required>
            <OrganizationSelect
              aria-label={t('meetings.organization')}
              known={organization ? [organization] : []}
              onChange={(value, picked) => {
                // Attendees belong to the organization: another organization starts from none.
                form.setFieldValue('attendeeIds', []);
                setChosen(picked[0] ?? (value ? chosen : undefined));
              }}
            />
          </Form.Item>
          <Form.Item label={t('meetings.kind')} name="kind" required>
            <Select
              aria-label={t('meetings.kind')}
              options={meetingKinds.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('meetings.heldOn')} name="heldOn" required>
            <DateField />
          </Form.Item>
          <Form.Item label={t('meetings.topic')} name="topic">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(before, after) => before.organizationId !== after.organizationId}>
            {({ getFieldValue }) => (
              <Form.Item
                label={t('meetings.attendees')}
                name="attendeeIds"
                required
                extra={t('meetings.attendeesHint')}
              >
                <AttendeeSelect
                  key={getFieldValue('organizationId')}
                  organizationId={getFieldValue('organizationId') ?? undefined}
                />
              </Form.Item>
            )}
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
