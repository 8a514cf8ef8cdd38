/**
 * The source's outline: its title heading, the text before the first
 * section, and each section with the part of a postmortem it holds. A
 * sub-heading without a known name belongs to its parent's part ("###
 * Reflections" under "## Lessons learned" is learnings).
 */
import { splitLeadingStamp } from './dates';
import type { MarkdownDocument, Section } from './markdown';
import { classifyHeading, isStandaloneHeading, type SectionKind } from './sections';

export interface RoutedSection {
  readonly section: Section;
  readonly kind: SectionKind;
  /** 0 for the source's top section level, 1 below it, ... */
  readonly depth: number;
  /** True when the kind comes from a parent heading. */
  readonly inherited: boolean;
}

export interface Outline {
  readonly title?: Section;
  /** Lines before the first section heading (including those under the title). */
  readonly intro: string[];
  readonly sections: RoutedSection[];
}

/** Parts that stay themselves even when nested under a timeline heading. */
const INDEPENDENT: readonly SectionKind[] = ['actions', 'factors', 'learnings', 'participants', 'stats', 'impact', 'summary'];

export function outline(doc: MarkdownDocument): Outline {
  const [preamble, ...headed] = doc.sections;
  const titleIndex = headed.findIndex((s) => s.level === 1 && !isStandaloneHeading(s.heading));
  const title = titleIndex >= 0 && headed.slice(0, titleIndex).every((s) => s.lines.every((l) => l.trim() === '')) ? headed[titleIndex] : undefined;
  const rest = title ? headed.filter((s) => s !== title) : headed;
  const intro = [...preamble.lines, ...(title?.lines ?? [])];
  const topLevel = Math.min(...rest.map((s) => s.level), 6);
  const stack: Array<{ level: number; kind: SectionKind }> = [];
  const sections: RoutedSection[] = [];
  for (const section of rest) {
    while (stack.length > 0 && stack[stack.length - 1].level >= section.level) stack.pop();
    const parent = stack[stack.length - 1];
    const own = classifyHeading(section.heading);
    let kind: SectionKind;
    let inherited = false;
    if (parent?.kind === 'timeline' && (own === undefined || !INDEPENDENT.includes(own))) {
      kind = 'timeline';
      inherited = true;
    } else if (own !== undefined) kind = own;
    else if (parent) {
      kind = parent.kind;
      inherited = true;
    } else kind = looksLikeTimeline(section.lines) ? 'timeline' : 'narrative';
    stack.push({ level: section.level, kind });
    sections.push({ section, kind, depth: Math.max(0, section.level - topLevel), inherited });
  }
  return { title, intro, sections };
}

/** A section under another name whose lines are mostly time-stamped (a wiki "Log", say). */
function looksLikeTimeline(lines: readonly string[]): boolean {
  const filled = lines.filter((l) => l.trim() !== '');
  const stamped = filled.filter((l) => (splitLeadingStamp(l)?.stamp.time ?? undefined) !== undefined).length;
  return stamped >= 3 && stamped * 2 >= filled.length;
}
