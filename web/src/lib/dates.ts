/** Today's date in China (yyyy-mm-dd), whatever the browser's time zone: the API's "today" is Asia/Shanghai too. */
export function shanghaiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function shanghaiYear(now = new Date()): number {
  return Number(shanghaiToday(now).slice(0, 4));
}
