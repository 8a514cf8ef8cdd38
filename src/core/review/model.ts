/**
 * Builds the review panel's model from an incident's text: the steps, action
 * item quality, blame wording and the body to show, all at once, so the
 * panel is always one consistent picture of one version of the file.
 */
import { analyzeText, defaultLintOptions } from '../lint';
import { splitFrontMatter } from '../frontMatter';
import type { IncidentSummary } from '../incident';
import { LineIndex, stripBom } from '../text';
import { actionQuality } from './actionQuality';
import { blameItems } from './blameList';
import { markdownTree } from './markdownTree';
import { type IncidentBody, readBody } from './outline';
import { findSection } from './sectionNames';
import { reviewSteps } from './steps';
import type { ReviewModel, ReviewOptions } from './types';

export interface ReadIncident {
  readonly text: string;
  readonly lines: LineIndex;
  readonly incident: IncidentSummary;
  readonly body: IncidentBody;
  /** 0-based line of the closing `---`. */
  readonly frontMatterEndLine: number;
}

/** The incident's fields and body, or why they cannot be read. */
export function readIncident(rawText: string, todayMs: number): ReadIncident | { problem: string } {
  const text = stripBom(rawText);
  const split = splitFrontMatter(text);
  if (split.kind === 'none') return { problem: 'This file has no front matter, so it is not an incident.' };
  if (split.kind === 'unclosed') return { problem: 'The front matter has no closing --- line yet.' };
  // The review lists blame wording itself (with sections); the size limit is for background linting, and this file was opened on purpose.
  const analysis = analyzeText(text, defaultLintOptions({ todayMs, blamePhrases: [], maxBytes: Number.MAX_SAFE_INTEGER }));
  if (!analysis.incident) {
    const first = analysis.diagnostics[0];
    const where = first ? ` on line ${first.range.start.line + 1}` : '';
    return { problem: `The front matter cannot be read${where}${first ? `: ${first.message}` : '.'} The review comes back once it is fixed.` };
  }
  const lines = new LineIndex(text);
  return { text, lines, incident: analysis.incident, body: readBody(text), frontMatterEndLine: lines.positionAt(split.yamlEnd).line };
}

/** The text under a `##` section, headings included: what the Learnings say, for linking actions. */
function sectionText(read: ReadIncident, title: 'Learnings' | 'Summary' | 'Impact'): string {
  const section = findSection(read.body.sections, title);
  if (!section) return '';
  return read.text.slice(read.lines.lineStart(section.line + 1), section.endLine >= read.lines.lineCount ? read.text.length : read.lines.lineStart(section.endLine));
}

export function buildReviewModel(rawText: string, options: ReviewOptions): ReviewModel {
  const read = readIncident(rawText, options.todayMs);
  if ('problem' in read) return unreadable(read.problem);
  const { incident, body, text, lines } = read;
  return {
    header: { id: incident.id ?? '', title: incident.title ?? '', severity: incident.severity ?? '', status: incident.status ?? '', resolved: incident.resolved?.text ?? '' },
    review: { status: incident.review?.status ?? '', facilitator: incident.review?.facilitator ?? '', held: incident.review?.held ?? '' },
    steps: reviewSteps({ incident, body, frontMatterEndLine: read.frontMatterEndLine }),
    actions: actionQuality({ incident, learnings: sectionText(read, 'Learnings'), horizonDays: options.actionHorizonDays, maxOpen: options.maxOpenActions, todayMs: options.todayMs }),
    blame: blameItems(text, lines, body, options.blamePhrases),
    body: markdownTree(body.text, body.startLine, body.tokens),
    problem: null,
  };
}

function unreadable(problem: string): ReviewModel {
  return {
    header: { id: '', title: '', severity: '', status: '', resolved: '' },
    review: { status: '', facilitator: '', held: '' },
    steps: [],
    actions: {
      items: [],
      activeCount: 0,
      maxOpen: 0,
      tooMany: false,
      horizonDays: 0,
      horizonFrom: { date: '', basis: 'today' },
      okCount: 0,
      failing: { owner: 0, due: 0, horizon: 0, linked: 0 },
      summary: '',
      line: -1,
    },
    blame: [],
    body: [],
    problem,
  };
}
