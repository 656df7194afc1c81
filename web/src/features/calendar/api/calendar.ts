import { useQuery } from '@tanstack/react-query';
import { api, etagOf } from '@/lib/api-client';
import type { components } from '@/types/api';

export type CalendarYearSummary = components['schemas']['CalendarYearSummary'];
export type CalendarYear = components['schemas']['CalendarYearResponse'];
export type CalendarYearInput = components['schemas']['RecordCalendarYearRequest'];

export function useCalendarYears() {
  return useQuery({
    queryKey: ['calendar'],
    queryFn: async () => (await api.GET('/api/v1/calendar')).data!,
  });
}

export function useCalendarYear(year: number | undefined) {
  return useQuery({
    queryKey: ['calendar', year],
    queryFn: async () => {
      const { data, response } = await api.GET('/api/v1/calendar/{year}', { params: { path: { year: year! } } });
      return { calendar: data!, etag: etagOf(response) };
    },
    enabled: year !== undefined,
  });
}

/** A new year without an ETag (201); an entered year with its ETag (If-Match; 412 when changed meanwhile). */
export async function recordCalendarYear(year: number, etag: string | undefined, input: CalendarYearInput) {
  await api.PUT('/api/v1/calendar/{year}', {
    params: { path: { year }, header: etag ? { 'If-Match': etag } : {} },
    body: input,
  });
}
