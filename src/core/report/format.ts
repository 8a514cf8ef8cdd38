/** Numbers as the reports print them: short, plain, the same everywhere. */

const MINUTE = 60_000;

/** "42 min", "2 h 10 min", "3 d 4 h": the two largest units, rounded to the minute. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / MINUTE));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours < 24) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  return restHours ? `${days} d ${restHours} h` : `${days} d`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "1 day", "64 days", rounding halves (medians of an even count). */
export function formatDays(days: number): string {
  return plural(Math.round(days), 'day');
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-06` → "Jun 2026"; `2026-Q3` stays. */
export function bucketName(id: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(id);
  return month ? `${SHORT_MONTHS[Number(month[2]) - 1]} ${month[1]}` : id.replace('-Q', ' Q');
}

/** "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** A severity for headings and cells; '' reads as what it is. */
export function severityName(severity: string): string {
  return severity === '' ? 'no severity' : severity;
}
