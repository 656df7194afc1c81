/** A run of holiday dates under one name, as the notice writes it (春节：2月15日至23日). */
export interface HolidayPeriod {
  name?: string;
  from?: string;
  to?: string;
}

export interface NamedDay {
  on: string;
  name: string;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Consecutive days of one name become one period, so a year reads as the notice does. */
export function toPeriods(days: readonly NamedDay[]): HolidayPeriod[] {
  const periods: HolidayPeriod[] = [];
  for (const day of [...days].sort((a, b) => a.on.localeCompare(b.on))) {
    const last = periods.at(-1);
    if (last?.to && last.name === day.name && addDays(last.to, 1) === day.on) {
      last.to = day.on;
    } else {
      periods.push({ name: day.name, from: day.on, to: day.on });
    }
  }
  return periods;
}

/**
 * Every date of each period, for the API. A period without an end is its first day; one missing its start or name is
 * sent as it is, so the server names the field that is wrong.
 */
export function toDays(periods: readonly HolidayPeriod[]): { on: string | null; name: string }[] {
  return periods.flatMap((period): { on: string | null; name: string }[] => {
    const name = period.name ?? '';
    if (!period.from) {
      return [{ on: null, name }];
    }
    const to = period.to && period.to >= period.from ? period.to : period.from;
    const days: { on: string; name: string }[] = [];
    // A notice's periods are days long; the bound keeps a mistyped year from making thousands of rows.
    for (let day = period.from; day <= to && days.length < 60; day = addDays(day, 1)) {
      days.push({ on: day, name });
    }
    return days;
  });
}
