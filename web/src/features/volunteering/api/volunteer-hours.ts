import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, etagOfVersion } from '@/lib/api-client';
import { downloadFile, queryString, type SpreadsheetFormat } from '@/lib/download';
import type { TableQuery } from '@/hooks/use-table-state';
import type { components } from '@/types/api';

type Schemas = components['schemas'];
export type Team = Schemas['TeamResponse'];
export type Volunteer = Schemas['VolunteerResponse'];
export type Activity = Schemas['ActivityResponse'];
export type Session = Schemas['SessionResponse'];
export type Certificate = Schemas['CertificateResponse'];
export type CreateTeamInput = Schemas['CreateTeamRequest'];
export type RegisterVolunteerInput = Schemas['RegisterVolunteerRequest'];
export type CreateActivityInput = Schemas['CreateActivityRequest'];
export type AttendanceInput = Schemas['AttendanceRequest'];

const key = ['volunteering', 'hours'] as const;

export function useTeams(table: TableQuery) {
  return useQuery({
    queryKey: [...key, 'teams', table],
    queryFn: async () => (await api.GET('/api/v1/volunteering/teams', { params: { query: table } })).data!,
    placeholderData: keepPreviousData,
  });
}

export function useTeam(id: string | undefined) {
  return useQuery({
    queryKey: [...key, 'team', id],
    queryFn: async () => (await api.GET('/api/v1/volunteering/teams/{id}', { params: { path: { id: id! } } })).data!,
    enabled: !!id,
  });
}

export function useVolunteers(table: TableQuery, q?: string) {
  return useQuery({
    queryKey: [...key, 'volunteers', table, q],
    queryFn: async () =>
      (await api.GET('/api/v1/volunteering/volunteers', { params: { query: { ...table, q } } })).data!,
    placeholderData: keepPreviousData,
  });
}

export function useVolunteer(id: string | undefined) {
  return useQuery({
    queryKey: [...key, 'volunteer', id],
    queryFn: async () =>
      (await api.GET('/api/v1/volunteering/volunteers/{id}', { params: { path: { id: id! } } })).data!,
    enabled: !!id,
  });
}

export function useActivities(table: TableQuery) {
  return useQuery({
    queryKey: [...key, 'activities', table],
    queryFn: async () => (await api.GET('/api/v1/volunteering/activities', { params: { query: table } })).data!,
    placeholderData: keepPreviousData,
  });
}

export function useActivity(id: string | undefined) {
  return useQuery({
    queryKey: [...key, 'activity', id],
    queryFn: async () =>
      (await api.GET('/api/v1/volunteering/activities/{id}', { params: { path: { id: id! } } })).data!,
    enabled: !!id,
  });
}

export function useSiteCode(activityId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...key, 'site-code', activityId],
    queryFn: async () =>
      (
        await api.GET('/api/v1/volunteering/activities/{id}/site-code', {
          params: { path: { id: activityId! } },
        })
      ).data!,
    enabled: enabled && !!activityId,
    refetchInterval: 30_000,
  });
}

export function useLateEntries(table: TableQuery) {
  return useQuery({
    queryKey: [...key, 'late-entries', table],
    queryFn: async () => (await api.GET('/api/v1/volunteering/late-entries', { params: { query: table } })).data!,
    placeholderData: keepPreviousData,
  });
}

export function useCertificate(id: string | undefined) {
  return useQuery({
    queryKey: [...key, 'certificate', id],
    queryFn: async () =>
      (await api.GET('/api/v1/volunteering/certificates/{id}', { params: { path: { id: id! } } })).data!,
    enabled: !!id,
  });
}

export function usePublicCertificate(code: string | undefined) {
  return useQuery({
    queryKey: ['public-certificate', code],
    queryFn: async () =>
      (
        await api.GET('/api/v1/volunteering/public/certificates/{code}', {
          params: { path: { code: code! } },
        })
      ).data!,
    enabled: !!code,
    retry: false,
  });
}

export async function createTeam(body: CreateTeamInput) {
  await api.POST('/api/v1/volunteering/teams', { body });
}

export async function addTeamMember(team: Team, volunteerId: string) {
  await api.POST('/api/v1/volunteering/teams/{id}/members', {
    params: { path: { id: team.id }, header: { 'If-Match': etagOfVersion(team.version) } },
    body: { volunteerId },
  });
}

export async function setTeamLeader(team: Team, volunteerId: string) {
  await api.POST('/api/v1/volunteering/teams/{id}/leader', {
    params: { path: { id: team.id }, header: { 'If-Match': etagOfVersion(team.version) } },
    body: { volunteerId },
  });
}

export async function registerVolunteer(body: RegisterVolunteerInput) {
  await api.POST('/api/v1/volunteering/volunteers', { body });
}

export async function createActivity(body: CreateActivityInput) {
  await api.POST('/api/v1/volunteering/activities', { body });
}

export async function signUp(activityId: string, volunteerId: string) {
  await api.POST('/api/v1/volunteering/activities/{id}/sign-ups', {
    params: { path: { id: activityId } },
    body: { volunteerId },
  });
}

export async function checkIn(session: Session, body: AttendanceInput) {
  await api.POST('/api/v1/volunteering/sessions/{id}/check-in', {
    params: { path: { id: session.id }, header: { 'If-Match': etagOfVersion(session.version) } },
    body,
  });
}

export async function checkOut(session: Session, body: AttendanceInput) {
  await api.POST('/api/v1/volunteering/sessions/{id}/check-out', {
    params: { path: { id: session.id }, header: { 'If-Match': etagOfVersion(session.version) } },
    body,
  });
}

export async function recordNoShow(session: Session) {
  await api.POST('/api/v1/volunteering/sessions/{id}/no-show', {
    params: { path: { id: session.id }, header: { 'If-Match': etagOfVersion(session.version) } },
  });
}

export async function approveLateEntry(session: Session) {
  await api.POST('/api/v1/volunteering/sessions/{id}/approve', {
    params: { path: { id: session.id }, header: { 'If-Match': etagOfVersion(session.version) } },
    body: {},
  });
}

export async function rejectLateEntry(session: Session, reason: string) {
  await api.POST('/api/v1/volunteering/sessions/{id}/reject', {
    params: { path: { id: session.id }, header: { 'If-Match': etagOfVersion(session.version) } },
    body: { reason },
  });
}

export async function issueCertificate(volunteerId: string): Promise<Certificate> {
  return (
    await api.POST('/api/v1/volunteering/volunteers/{id}/certificates', { params: { path: { id: volunteerId } } })
  ).data!;
}

export async function exportList(
  list: 'teams' | 'volunteers' | 'activities' | 'late-entries',
  sort: string | undefined,
  format: SpreadsheetFormat,
) {
  await downloadFile(
    `/api/v1/volunteering/${list}/export?${queryString({ sort, format })}`,
    `${list}.${format.toLowerCase()}`,
  );
}
