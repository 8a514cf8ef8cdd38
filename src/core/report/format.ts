/** Numbers as the reports print them: short, plain, the same everywhere. */

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

/** A severity for headings and cells; '' reads as what it is. */
export function severityName(severity: string): string {
  return severity === '' ? 'no severity' : severity;
}
