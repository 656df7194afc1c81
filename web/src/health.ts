export type Readiness = 'checking' | 'ready' | 'unavailable';

/** Asks the API whether it and its database answer; any failure reads as unavailable. */
export async function checkReadiness(fetcher: typeof fetch = fetch): Promise<Readiness> {
  try {
    const response = await fetcher('/health/ready');
    return response.ok ? 'ready' : 'unavailable';
  } catch {
    return 'unavailable';
  }
}
