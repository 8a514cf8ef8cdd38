/**
 * Writes the front matter as block-style YAML by hand, so that each derived
 * time can carry its reasoning as a comment and the output stays the same
 * from run to run. Timestamps and dates are always quoted: some YAML readers
 * turn plain ones into dates, and the format wants strings.
 */
import type { ActionItem, Factor, TimelineEntry } from './types';

export interface CommentedValue {
  readonly value: string;
  readonly comment?: string;
}

export interface FrontMatterFields {
  readonly id: string;
  readonly title: string;
  readonly status: CommentedValue;
  readonly severity: CommentedValue;
  readonly started: CommentedValue;
  readonly detected?: CommentedValue;
  readonly mitigated?: CommentedValue;
  readonly resolved?: CommentedValue;
  readonly tags: readonly string[];
  readonly roles: Readonly<Record<string, string>>;
  readonly participants: readonly string[];
  readonly factors: readonly Factor[];
  readonly actions: readonly ActionItem[];
  readonly timeline: readonly TimelineEntry[];
}

const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

/**
 * Characters a YAML document may not hold as they are (js-yaml refuses the
 * whole front matter): C0 and C1 controls (tab, line breaks and NEL aside),
 * U+FFFE, U+FFFF and surrogates without their pair. A pasted postmortem can
 * hold any of them.
 */
const NON_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A string as a YAML scalar: plain when that cannot be misread, else double-quoted. */
export function yamlString(value: string): string {
  const plain =
    /^[\p{L}]/u.test(value) &&
    !/[\u0000-\u001f\u007f\u2028\u2029]/.test(value) &&
    !new RegExp(NON_PRINTABLE.source).test(value) &&
    !/: |:$| #/.test(value) &&
    value === value.trim() &&
    !RESERVED.test(value);
  return plain ? value : quoted(value);
}

/** Double-quoted; JSON escapes most of what YAML cannot hold, and `\u` escapes the rest (the same escape in both). */
function quoted(value: string): string {
  return JSON.stringify(value).replace(NON_PRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function withComment(line: string, comment: string | undefined): string {
  return comment ? `${line}  # ${comment.replace(/[\r\n]+/g, ' ').replace(NON_PRINTABLE, '\ufffd')}` : line;
}

export function writeFrontMatter(fields: FrontMatterFields): string {
  const out: string[] = ['---'];
  out.push(`id: ${yamlString(fields.id)}`);
  out.push(`title: ${yamlString(fields.title)}`);
  out.push(withComment(`status: ${fields.status.value}`, fields.status.comment));
  out.push(withComment(`severity: ${yamlString(fields.severity.value)}`, fields.severity.comment));
  for (const key of ['started', 'detected', 'mitigated', 'resolved'] as const) {
    const time = fields[key];
    if (time) out.push(withComment(`${key}: ${quoted(time.value)}`, time.comment));
  }
  list(out, 'tags', fields.tags);
  const roleNames = Object.keys(fields.roles);
  if (roleNames.length > 0) {
    out.push('roles:');
    for (const role of roleNames) out.push(`  ${yamlString(role)}: ${yamlString(fields.roles[role])}`);
  }
  list(out, 'participants', fields.participants);
  if (fields.factors.length > 0) {
    out.push('factors:');
    for (const factor of fields.factors) out.push(`  - kind: ${factor.kind}`, `    text: ${yamlString(factor.text)}`);
  }
  if (fields.actions.length > 0) {
    out.push('actions:');
    for (const action of fields.actions) {
      out.push(`  - id: ${action.id}`, `    title: ${yamlString(action.title)}`);
      if (action.owner) out.push(`    owner: ${yamlString(action.owner)}`);
      if (action.due) out.push(`    due: ${quoted(action.due)}`);
      out.push(`    status: ${action.status}`);
      if (action.kind) out.push(`    kind: ${action.kind}`);
      if (action.link) out.push(`    link: ${yamlString(action.link)}`);
      if (action.reason) out.push(`    reason: ${yamlString(action.reason)}`);
    }
  }
  if (fields.timeline.length > 0) {
    out.push('timeline:');
    for (const entry of fields.timeline) {
      out.push(`  - at: ${quoted(entry.at)}`, `    kind: ${entry.kind}`);
      if (entry.who) out.push(`    who: ${yamlString(entry.who)}`);
      out.push(`    text: ${yamlString(entry.text)}`);
      if (entry.evidence) out.push(`    evidence: ${yamlString(entry.evidence)}`);
    }
  }
  out.push('---');
  return out.join('\n');
}

function list(out: string[], key: string, values: readonly string[]): void {
  if (values.length === 0) return;
  out.push(`${key}:`);
  for (const value of values) out.push(`  - ${yamlString(value)}`);
}
