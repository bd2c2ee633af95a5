const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2021" → "2021"; "2025-06" → "June 2025"; "2025-06-27" → "27 June 2025". Anything else is returned as is. */
export function formatPartialDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  if (!mo) return y;
  const month = MONTHS[Number(mo) - 1];
  if (!month) return value;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** An ISO timestamp as a UTC calendar date, e.g. "28 November 2026". */
export function formatTimestampDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  return formatPartialDate(iso.slice(0, 10));
}
