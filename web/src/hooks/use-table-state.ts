import type { TablePaginationConfig } from 'antd';
import type { SortOrder, SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface TableQuery {
  page: number;
  pageSize: number;
  /** The API's sort parameter: a field name, "-" first for descending. */
  sort?: string;
}

/**
 * Paging and sorting done by the server: an Ant Design table's clicks become the list endpoint's page,
 * pageSize and sort parameters. `reset()` goes back to page 1 when a filter changes.
 */
export function useTableState(defaultSort?: string, defaultPageSize = 20) {
  const { t } = useTranslation();
  const [query, setQuery] = useState<TableQuery>({ page: 1, pageSize: defaultPageSize, sort: defaultSort });

  // Typed loosely so one handler fits every table's row type.
  const onChange = (pagination: TablePaginationConfig, _filters: unknown, sorter: unknown) => {
    const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<unknown> | undefined;
    const field = single?.order ? String(single.columnKey ?? single.field) : undefined;
    const sort = field ? (single?.order === 'descend' ? `-${field}` : field) : defaultSort;
    setQuery((current) => ({
      page: sort !== current.sort ? 1 : (pagination.current ?? 1),
      pageSize: pagination.pageSize ?? current.pageSize,
      sort,
    }));
  };

  function sortOrderOf(field: string): SortOrder {
    if (query.sort === field) {
      return 'ascend';
    }
    return query.sort === `-${field}` ? 'descend' : null;
  }

  /**
   * A server-sorted column. Clicking cycles ascending ↔ descending and never clears: a cleared sort would
   * fall back to the default, so a column sorted descending by default could never be reversed.
   */
  function sortable(field: string) {
    return {
      sorter: true,
      sortOrder: sortOrderOf(field),
      sortDirections: ['ascend', 'descend', 'ascend'] as SortOrder[],
    };
  }

  function pagination(total: number | undefined): TablePaginationConfig {
    return {
      current: query.page,
      pageSize: query.pageSize,
      total,
      showSizeChanger: true,
      pageSizeOptions: [10, 20, 50, 100, 200],
      showTotal: (count) => t('table.total', { count }),
    };
  }

  return {
    query,
    onChange,
    sortOrderOf,
    sortable,
    pagination,
    reset: () => setQuery((current) => ({ ...current, page: 1 })),
  };
}
