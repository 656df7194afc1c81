/**
 * Money on the dividends screens. The API sends yuan with at most two decimals, stored as integer 分; the screens
 * turn each amount back into whole 分 before adding or comparing, so a sum is exact and never a float's guess.
 */
export function toFen(yuan: number | string | null | undefined): number {
  return Math.round(Number(yuan ?? 0) * 100);
}

/** Whole 分 as yuan with thousands separators and two decimals: 108500000 → "1,085,000.00". */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const whole = Math.abs(fen);
  const yuan = Math.trunc(whole / 100).toLocaleString('en-US');
  return `${sign}${yuan}.${String(whole % 100).padStart(2, '0')}`;
}

/** An API amount (yuan) as the screens show it. */
export function formatYuan(yuan: number | string | null | undefined): string {
  return formatFen(toFen(yuan));
}

/** The exact sum of API amounts, in 分. */
export function sumFen(amounts: (number | string)[]): number {
  return amounts.reduce<number>((sum, amount) => sum + toFen(amount), 0);
}

/**
 * A per-unit rate the engine gives in 分 (a decimal, e.g. "13422.818791") as yuan to four places, to explain a line;
 * the amounts themselves are exact 分.
 */
export function formatRate(fenText: string): string {
  return (Number(fenText) / 100).toLocaleString('en-US', { maximumFractionDigits: 4 });
}
