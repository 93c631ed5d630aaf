/** The viewer's IANA time zone, as the browser reports it. */
export const viewerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Local midnight of a YYYY-MM-DD day and of the next day, as instants. */
export function dayRange(day: string): { from: string; to: string } | null {
  const start = new Date(`${day}T00:00`);
  if (Number.isNaN(start.getTime())) return null;
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

/** A local day and "HH:MM", plus a duration, as start and end instants; null when the input is not a time. */
export function localRange(day: string, time: string, durationMinutes: number): { startsAt: string; endsAt: string } | null {
  const start = new Date(`${day}T${time}`);
  if (Number.isNaN(start.getTime()) || !Number.isFinite(durationMinutes) || durationMinutes <= 0) return null;
  const end = new Date(start.getTime() + durationMinutes * 60_000);
  return { startsAt: start.toISOString(), endsAt: end.toISOString() };
}
