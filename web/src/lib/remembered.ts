/** What the user had open last (a tab, an organization), kept in this browser for the next visit. */
export function remembered(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private browsing: remembered for this visit only, through the address.
  }
}
