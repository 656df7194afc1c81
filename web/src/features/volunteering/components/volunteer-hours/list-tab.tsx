import { Button, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { exportList } from '@/features/volunteering/api/volunteer-hours';
import { ExportButtons } from '@/components/export-buttons';
import { QueryView, type QueryLike } from '@/components/query-view';
import type { useTableState } from '@/hooks/use-table-state';
import { useCan } from '@/lib/auth';

/**
 * One tab of the hours page: a toolbar (the tab's own filters, a create button for writers, the export) over a
 * list the server pages and sorts. The tabs differ only in their list, columns and create dialog.
 */
export function ListTab<T extends { id: string }>({
  list,
  query,
  table,
  columns,
  createLabel,
  onCreate,
  filters,
}: {
  list: 'teams' | 'volunteers' | 'activities';
  query: QueryLike & { data?: { items: T[]; total: number } };
  table: ReturnType<typeof useTableState>;
  columns: ColumnsType<T>;
  createLabel: string;
  onCreate: () => void;
  filters?: ReactNode;
}) {
  const canWrite = useCan('volunteering.write');
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {filters}
        {canWrite && (
          <Button type="primary" onClick={onCreate}>
            {createLabel}
          </Button>
        )}
        <ExportButtons onExport={(format) => exportList(list, table.query.sort, format)} />
      </Space>
      <QueryView query={query}>
        <Table<T>
          rowKey="id"
          size="small"
          scroll={{ x: 'max-content' }}
          loading={query.isFetching}
          dataSource={query.data?.items}
          pagination={table.pagination(query.data?.total)}
          onChange={table.onChange}
          columns={columns}
        />
      </QueryView>
    </>
  );
}
