/**
 * Which written heading is which template section, and which perspective
 * heading speaks for the responders. People title sections their own way
 * ("Lessons learned", "Customer support"), so a few common names count.
 */
import { type BodySection, headingKey } from './outline';
import type { SectionName } from './types';

const SECTION_NAMES: Readonly<Record<SectionName, readonly string[]>> = {
  Summary: ['summary', 'tl;dr', 'tldr', 'overview'],
  Impact: ['impact', 'customer impact', 'user impact'],
  Narrative: ['narrative', 'what happened', 'story'],
  Perspectives: ['perspectives', 'points of view'],
  'What went well': ['what went well', 'went well'],
  'Where we got lucky': ['where we got lucky', 'lucky', 'what was lucky'],
  'Open questions': ['open questions', 'questions', 'unanswered questions'],
  Learnings: ['learnings', 'lessons learned', 'lessons', 'what we learned', 'takeaways'],
};

function sectionMatches(title: string, name: SectionName): boolean {
  return SECTION_NAMES[name].includes(headingKey(title));
}

export function findSection(sections: readonly BodySection[], name: SectionName): BodySection | undefined {
  return sections.find((section) => sectionMatches(section.title, name));
}

/** The template section a heading stands for, if any. */
export function templateName(title: string): SectionName | undefined {
  const key = headingKey(title);
  return (Object.keys(SECTION_NAMES) as SectionName[]).find((name) => SECTION_NAMES[name].includes(key));
}

/** The people who ran the response: their view is usually written first, and is not enough alone. */
const RESPONDERS = /\b(engineer\w*|on-?call|operations?|ops|sre|responders?|platform|infra\w*|incident command\w*|commander|developers?|dev|backend|frontend)\b/i;

export function isResponderGroup(title: string): boolean {
  return RESPONDERS.test(title);
}

/** What each suggested group may also be called. */
const GROUP_NAMES: Readonly<Record<string, RegExp>> = {
  Support: /\b(support|customer service|customer care|help ?desk)\b/i,
  Product: /\b(product|design|ux)\b/i,
  Communications: /\b(communications?|comms|marketing|public relations|pr|status page)\b/i,
  Customers: /\b(customers?|users?|clients?|merchants?|partners?)\b/i,
};

/** Whether a perspective heading is the given suggested group ("Customer support" is Support). */
export function isGroup(title: string, group: string): boolean {
  const pattern = GROUP_NAMES[group];
  return pattern ? pattern.test(title) && !(group === 'Customers' && GROUP_NAMES.Support.test(title)) : headingKey(title) === headingKey(group);
}
