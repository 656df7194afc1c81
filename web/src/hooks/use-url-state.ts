import { useSearchParams } from 'react-router';
import { remember, remembered } from '@/lib/remembered';

/**
 * The open tab, kept in the address (?tab=…) so reload, Back and bookmarks return to it, and remembered for the next
 * visit under `rememberAs`. A tab not among `tabs` (an old bookmark, a tab the user may no longer see) is ignored.
 */
export function useUrlTab(tabs: readonly string[], rememberAs: string): [string, (tab: string) => void] {
  const [params, setParams] = useSearchParams();
  const candidates = [params.get('tab'), remembered(rememberAs)];
  const tab = candidates.find((value): value is string => value !== null && tabs.includes(value)) ?? tabs[0];
  const open = (next: string) => {
    remember(rememberAs, next);
    setParams((current) => {
      const updated = new URLSearchParams(current);
      updated.set('tab', next);
      return updated;
    });
  };
  return [tab, open];
}

type Kind = 'string' | 'number' | 'boolean';

/**
 * A screen's filters, kept in the address so a reload, Back or a shared link shows the same list. Only the keys in
 * `kinds` are read, each as its kind; values equal to the defaults are left out of the address.
 */
export function useUrlFilter<T extends object>(
  defaults: T,
  kinds: Record<keyof T, Kind>,
): [T, (part: Partial<T>) => void] {
  const [params, setParams] = useSearchParams();
  const filter = { ...defaults } as Record<string, unknown>;
  for (const [key, kind] of Object.entries(kinds) as [string, Kind][]) {
    const raw = params.get(key);
    if (raw === null) {
      continue;
    }
    if (raw === '') {
      // Cleared on purpose, where the screen has a default (all statuses rather than the active ones).
      filter[key] = undefined;
    } else if (kind === 'number') {
      const number = Number(raw);
      filter[key] = Number.isFinite(number) ? number : defaults[key as keyof T];
    } else if (kind === 'boolean') {
      filter[key] = raw === 'true' ? true : raw === 'false' ? false : undefined;
    } else {
      filter[key] = raw;
    }
  }
  const change = (part: Partial<T>) => {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        for (const [key, value] of Object.entries(part)) {
          const fallback = (defaults as Record<string, unknown>)[key];
          if (value === undefined || value === null || value === '' || value === fallback) {
            if (fallback !== undefined && value !== fallback) {
              updated.set(key, '');
            } else {
              updated.delete(key);
            }
          } else {
            updated.set(key, String(value));
          }
        }
        return updated;
      },
      { replace: true },
    );
  };
  return [filter as T, change];
}
