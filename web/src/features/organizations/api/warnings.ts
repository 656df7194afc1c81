import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { components } from '@/types/api';
import type { TableQuery } from '@/hooks/use-table-state';

export type RuleWarning = components['schemas']['RuleWarning'];
export type RuleWarningCode = components['schemas']['RuleWarningCode'];

export function useRuleWarnings(within: string, code: RuleWarningCode | undefined, table: TableQuery) {
  return useQuery({
    queryKey: ['organizations', within, 'warnings', code, table],
    queryFn: async () =>
      (await api.GET('/api/v1/organizations/warnings', { params: { query: { within, code, ...table } } })).data!,
    placeholderData: keepPreviousData,
  });
}
