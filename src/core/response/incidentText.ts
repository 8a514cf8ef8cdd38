/** What the drafts read from one incident file: its summary, its timeline entries and its open questions. */
import { splitFrontMatter } from '../frontMatter';
import type { IncidentSummary } from '../incident';
import { analyzeText, defaultLintOptions } from '../lint';
import { stripBom } from '../text';
import { parseTimestamp } from '../timestamps';
import { FrontMatterText } from '../edits/frontMatterEdits';

export interface EntryView {
  readonly epochMs: number;
  readonly offsetMinutes: number;
  readonly kind: string;
  readonly who?: string;
  readonly text: string;
}

export interface IncidentText {
  readonly incident: IncidentSummary;
  /** Entries with a readable time, in time order. */
  readonly entries: readonly EntryView[];
  /** List items under `## Open questions`. */
  readonly openQuestions: readonly string[];
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

export function readIncidentText(rawText: string): IncidentText | undefined {
  const text = stripBom(rawText);
  const analysis = analyzeText(text, defaultLintOptions());
  if (!analysis.incident) return undefined;
  const fm = FrontMatterText.parse(text);
  const timeline = fm && Array.isArray(fm.value.timeline) ? fm.value.timeline : [];
  const entries: EntryView[] = [];
  for (const item of timeline) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    const fields = item as Record<string, unknown>;
    const at = typeof fields.at === 'string' ? parseTimestamp(fields.at) : undefined;
    const entryText = str(fields.text);
    if (!at || !entryText) continue;
    entries.push({ epochMs: at.epochMs, offsetMinutes: at.offsetMinutes, kind: str(fields.kind) ?? 'observation', who: str(fields.who), text: entryText });
  }
  entries.sort((a, b) => a.epochMs - b.epochMs);
  const split = splitFrontMatter(text);
  const body = split.kind === 'ok' ? text.slice(split.bodyStart) : '';
  return { incident: analysis.incident, entries, openQuestions: sectionItems(body, /^open questions$/i) };
}

/** The list items (or, without a list, the paragraphs) of a `##` section. */
export function sectionItems(body: string, heading: RegExp): string[] {
  const lines = body.split(/\r\n|\n|\r/);
  const start = lines.findIndex((line) => /^##\s/.test(line) && heading.test(line.replace(/^##\s+/, '').trim()));
  if (start < 0) return [];
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,2}\s/.test(line)) break;
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    const content = (item ? item[1] : line).trim();
    if (content && !content.startsWith('<!--')) items.push(content);
  }
  return items;
}
