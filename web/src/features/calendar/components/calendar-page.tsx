import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, List, Row, Space, Table, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  recordCalendarYear,
  useCalendarYear,
  useCalendarYears,
  type CalendarYear,
  type CalendarYearSummary,
} from '@/features/calendar/api/calendar';
import { toDays, toPeriods, type HolidayPeriod } from '@/features/calendar/components/calendar-periods';
import { DateField } from '@/components/date-field';
import { FormModal } from '@/components/form-modal';
import { PageHeading } from '@/components/page-heading';
import { QueryView } from '@/components/query-view';
import { useCan } from '@/lib/auth';
import { shanghaiYear } from '@/lib/dates';

interface CalendarFormValues {
  year: number;
  notice: string;
  holidays: HolidayPeriod[];
  workingDays: { on?: string; name?: string }[];
}

/**
 * The official working-day calendar: each year's holidays and make-up working days from the State Council's notice.
 * Everyone sees it; a system administrator enters the next year when the notice is out, and corrects a year.
 */
export function CalendarPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canWrite = useCan('calendar.write');
  const years = useCalendarYears();
  const items = years.data?.items ?? [];
  const [selected, setSelected] = useState<number>();
  const shown = selected ?? items[0]?.year;
  const year = useCalendarYear(shown);
  const [editing, setEditing] = useState<'new' | 'current'>();
  const nextYear = shanghaiYear() + 1;
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['calendar'] });
  };

  return (
    <Card
      title={<PageHeading>{t('calendar.title')}</PageHeading>}
      extra={
        canWrite &&
        years.isSuccess &&
        !items.some((y) => y.year === nextYear) && (
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('calendar.enterNext', { year: nextYear })}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('calendar.intro')}</Typography.Paragraph>
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={12}>
          <QueryView query={years}>
            <Table<CalendarYearSummary>
              rowKey="year"
              size="small"
              loading={years.isFetching}
              dataSource={items}
              pagination={false}
              rowClassName={(y) => (y.year === shown ? 'ant-table-row-selected' : '')}
              columns={[
                {
                  title: t('calendar.year'),
                  dataIndex: 'year',
                  key: 'year',
                  render: (value: number) => (
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0, height: 'auto' }}
                      aria-pressed={value === shown}
                      onClick={() => setSelected(value)}
                    >
                      {value}
                    </Button>
                  ),
                },
                { title: t('calendar.notice'), dataIndex: 'notice', key: 'notice' },
                { title: t('calendar.holidayCount'), dataIndex: 'holidayCount', key: 'holidayCount' },
                { title: t('calendar.workingDayCount'), dataIndex: 'workingDayCount', key: 'workingDayCount' },
              ]}
            />
          </QueryView>
        </Col>
        <Col xs={24} lg={12}>
          {shown !== undefined && (
            <QueryView query={year}>
              {year.data && (
                <YearDetails
                  calendar={year.data.calendar}
                  onEdit={canWrite ? () => setEditing('current') : undefined}
                />
              )}
            </QueryView>
          )}
        </Col>
      </Row>
      {editing === 'new' && (
        <CalendarForm
          title={t('calendar.enterNext', { year: nextYear })}
          initial={{ year: nextYear, holidays: [{}], workingDays: [] }}
          onSubmit={async (values) => {
            await recordCalendarYear(values.year, undefined, toInput(values));
            setSelected(values.year);
            await refresh();
          }}
          onClose={() => setEditing(undefined)}
        />
      )}
      {editing === 'current' && year.data && (
        <CalendarForm
          key={year.data.etag}
          editing
          title={t('calendar.edit', { year: year.data.calendar.year })}
          initial={{
            year: year.data.calendar.year,
            notice: year.data.calendar.notice,
            holidays: toPeriods(year.data.calendar.holidays),
            workingDays: year.data.calendar.workingDays,
          }}
          onSubmit={async (values) => {
            await recordCalendarYear(year.data.calendar.year, year.data.etag, toInput(values));
            await refresh();
          }}
          onReload={() => void year.refetch()}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Card>
  );
}

function toInput(values: CalendarFormValues) {
  return {
    notice: values.notice ?? '',
    holidays: toDays(values.holidays ?? []),
    workingDays: (values.workingDays ?? []).map((d) => ({ on: d.on ?? null, name: d.name ?? '' })),
  };
}

function YearDetails({ calendar, onEdit }: { calendar: CalendarYear; onEdit?: () => void }) {
  const { t } = useTranslation();
  const periods = toPeriods(calendar.holidays);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>
          {calendar.year}
        </Typography.Title>
        {onEdit && <Button onClick={onEdit}>{t('calendar.edit', { year: calendar.year })}</Button>}
      </Space>
      <Typography.Text type="secondary">{calendar.notice}</Typography.Text>
      <List
        size="small"
        header={<strong>{t('calendar.holidays')}</strong>}
        locale={{ emptyText: t('calendar.none') }}
        dataSource={periods}
        renderItem={(p) => {
          const days = calendar.holidays.filter((d) => d.name === p.name && d.on >= p.from! && d.on <= p.to!).length;
          return (
            <List.Item>
              {p.name}：{p.from === p.to ? p.from : `${p.from} – ${p.to}`}（{t('calendar.days', { count: days })}）
            </List.Item>
          );
        }}
      />
      <List
        size="small"
        header={<strong>{t('calendar.workingDays')}</strong>}
        locale={{ emptyText: t('calendar.none') }}
        dataSource={calendar.workingDays}
        renderItem={(d) => (
          <List.Item>
            {d.on} {d.name}
          </List.Item>
        )}
      />
    </Space>
  );
}

interface FormProps {
  title: string;
  editing?: boolean;
  initial: Partial<CalendarFormValues>;
  onSubmit: (values: CalendarFormValues) => Promise<void>;
  onReload?: () => void;
  onClose: () => void;
}

function CalendarForm({ title, editing, initial, onSubmit, onReload, onClose }: FormProps) {
  const { t } = useTranslation();
  return (
    <FormModal<CalendarFormValues>
      title={title}
      fields={['year', 'notice', 'holidays', 'workingDays']}
      initialValues={initial}
      onSubmit={onSubmit}
      onReload={onReload}
      onClose={onClose}
    >
      <Form.Item label={t('calendar.year')} name="year" required>
        <InputNumber min={2020} max={2199} disabled={editing} />
      </Form.Item>
      <Form.Item label={t('calendar.notice')} name="notice" required extra={t('calendar.noticeHint')}>
        <Input />
      </Form.Item>
      <DateRows list="holidays" legend={t('calendar.holidays')} add={t('calendar.addHoliday')} dates={['from', 'to']} />
      <DateRows
        list="workingDays"
        legend={t('calendar.workingDays')}
        add={t('calendar.addWorkingDay')}
        dates={['on']}
      />
    </FormModal>
  );
}

export default CalendarPage;

interface DateRowsProps {
  list: 'holidays' | 'workingDays';
  legend: string;
  add: string;
  /** The date fields of a row, which are also their label keys under calendar. */
  dates: ('from' | 'to' | 'on')[];
}

/** One list of the notice: a row per period or make-up day, its name and dates; the list's own errors below. */
function DateRows({ list, legend, add, dates }: DateRowsProps) {
  const { t } = useTranslation();
  return (
    <Form.List name={list}>
      {(rows, { add: addRow, remove }, { errors }) => (
        <fieldset className="calendar-fieldset">
          <legend>{legend}</legend>
          {rows.map((row) => (
            <Space key={row.key} align="start" size={6}>
              <Form.Item name={[row.name, 'name']}>
                <Input
                  placeholder={t('calendar.namePlaceholder')}
                  aria-label={t('calendar.name')}
                  style={{ width: 110 }}
                />
              </Form.Item>
              {dates.map((date) => (
                <Form.Item key={date} name={[row.name, date]}>
                  <DateField aria-label={t(`calendar.${date}`)} placeholder={t(`calendar.${date}`)} />
                </Form.Item>
              ))}
              <Button icon={<DeleteOutlined />} aria-label={t('calendar.remove')} onClick={() => remove(row.name)} />
            </Space>
          ))}
          {errors.length > 0 && (
            <Typography.Paragraph type="danger" role="alert">
              {errors}
            </Typography.Paragraph>
          )}
          <Button onClick={() => addRow({})}>{add}</Button>
        </fieldset>
      )}
    </Form.List>
  );
}
