/** How the app writes times and durations. */

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export const formatTime = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—');

/** `2 h 05 min`, `4 min`, `35 s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} days`;
}

export const ageOf = (iso: string, now = Date.now()) => now - Date.parse(iso);

export const shortId = (id: string) => id.slice(0, 8);
