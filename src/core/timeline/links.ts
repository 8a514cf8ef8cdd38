/**
 * Evidence links the panel may open: web addresses only. Anything else
 * (`javascript:`, `file:`, `command:`, a bare path) is shown as text.
 */
export function webLink(text: string): string | undefined {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
