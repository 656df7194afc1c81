import i18n from '@/lib/i18n';
import { ApiError } from '@/lib/problem';

type Notify = (title: string, detail?: string) => void;
let notifyError: Notify = () => {};

/** The app installs how errors are shown (Ant Design's notification, inside its context). */
export function setErrorNotifier(notify: Notify): void {
  notifyError = notify;
}

/**
 * A failure no field or page of its own can show. By default only server errors, rate limits and a lost
 * connection are announced (a screen shows the rest itself); `always` announces any refusal with its message.
 */
export function reportFailure(error: unknown, options: { always?: boolean } = {}): void {
  if (error instanceof ApiError) {
    if (options.always || error.status >= 500 || error.status === 429) {
      const requestId = typeof error.problem.requestId === 'string' ? ` (${error.problem.requestId})` : '';
      notifyError(error.problem.title ?? i18n.t('errors.generic'), `${error.problem.detail ?? ''}${requestId}`);
    }
    return;
  }
  // The browser's own words ("Failed to fetch") mean nothing to a user: the message says what to do.
  notifyError(i18n.t('errors.network'));
}
