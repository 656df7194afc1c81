/** How an application's status is coloured wherever it shows. */
export const statusColors: Record<string, string> = {
  Submitted: 'blue',
  Reviewed: 'cyan',
  StreetApproved: 'geekblue',
  Approved: 'purple',
  Paid: 'orange',
  Confirmed: 'green',
  Rejected: 'red',
  Cancelled: 'default',
};

/** Yuan with two places and thousands separators (the API sends yuan numbers; it keeps 分). */
export const yuan = (value: number | string | null | undefined) =>
  Number(value ?? 0).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
