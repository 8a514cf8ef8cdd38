/**
 * Which addresses from an incident file may become something to click: web
 * and mail addresses only. Anything else (javascript:, data:, vbscript:,
 * file:, command:, a relative path) stays text in the panels, the exports and
 * the editor alike, however it is cased or padded.
 */

const SAFE_START = /^(https?:\/\/|mailto:)/i;
const SAFE_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** The address as the URL parser normalises it, or undefined when it must not be opened. */
export function safeLink(text: string): string | undefined {
  const trimmed = text.trim();
  // The scheme must be written out in full: the parser alone also takes `https:evil.example` or `http:/host`, which nobody wrote as a link.
  if (!SAFE_START.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
