/**
 * The quick fixes the format implies, as plain edits. The editor turns each
 * into a code action; the tests apply them to text.
 */
import type { Diagnostic } from '../diagnostics';
import { formatDate, formatTimestamp, DAY_MS } from '../timestamps';
import { FrontMatterText, renameKey, replaceValue, setField, sortTimeline } from './frontMatterEdits';
import { missingFieldFixes } from './missingFields';
import type { QuickFix, QuickFixContext } from './quickFix';
import type { TextEdit } from './textEdit';
import { findEntry } from '../yamlTree';

const NEW_DUE_DAYS = [7, 14, 30];
const ACTION_INDEX = (d: Diagnostic) => (typeof d.data?.index === 'number' ? d.data.index : -1);

export function quickFixes(text: string, d: Diagnostic, context: QuickFixContext): QuickFix[] {
  const fm = FrontMatterText.parse(text);
  if (!fm) return [];
  const one = (title: string, edit: TextEdit | undefined, preferred = false): QuickFix[] => (edit ? [{ title, edits: [edit], preferred }] : []);
  const now = formatTimestamp(context.nowMs, context.offsetMinutes);
  switch (d.code) {
    case 'missing-field':
      return missingFieldFixes(fm, d, context, now);
    case 'unknown-field': {
      const suggestion = d.data?.suggestion;
      const field = d.data?.field;
      if (typeof suggestion !== 'string' || typeof field !== 'string') return [];
      const path = pathAt(fm, d);
      // Renaming to a field the map already has would write a duplicate key, which is not YAML.
      if (!path || findEntry(path.length === 0 ? fm.locator.root : fm.node(path), suggestion)) return [];
      return one(`Rename \`${field}\` to \`${suggestion}\``, renameKey(fm, [...path, field], suggestion), true);
    }
    case 'invalid-value': {
      const allowed = d.data?.allowed;
      const path = pathAt(fm, d, true);
      if (!Array.isArray(allowed) || !path) return [];
      return allowed.slice(0, 12).flatMap((value) => one(`Change to \`${value}\``, replaceValue(fm, path, value)));
    }
    case 'timeline-order':
      return one('Sort the timeline by time', sortTimeline(fm), true);
    case 'action-overdue': {
      const index = ACTION_INDEX(d);
      if (index < 0) return [];
      return [
        ...NEW_DUE_DAYS.flatMap((days) => one(`Move the due date to ${formatDate(context.todayMs + days * DAY_MS)} (in ${days} days)`, setField(fm, ['actions', index, 'due'], formatDate(context.todayMs + days * DAY_MS)))),
        ...one('Mark the action done', setField(fm, ['actions', index, 'status'], 'done')),
      ];
    }
    case 'action-missing-due': {
      const index = ACTION_INDEX(d);
      const due = formatDate(context.todayMs + 14 * DAY_MS);
      return index < 0 ? [] : one(`Add a due date (${due})`, setField(fm, ['actions', index, 'due'], due, 'owner'), true);
    }
    case 'code-link-drifted': {
      const lines = d.data?.lines;
      const index = d.data?.index;
      if (typeof lines !== 'string' || typeof index !== 'number') return [];
      return one(`Update \`lines\` to ${lines}`, replaceValue(fm, ['code', index, 'lines'], lines), true);
    }
    case 'status-without-time': {
      const field = d.data?.field;
      if (typeof field !== 'string') return [];
      const after = field === 'resolved' ? lastPresent(fm, ['mitigated', 'detected', 'started']) : lastPresent(fm, ['detected', 'started']);
      return one(`Add \`${field}: ${now}\` (now)`, setField(fm, [field], now, after), true);
    }
    default:
      return [];
  }
}

function lastPresent(fm: FrontMatterText, names: readonly string[]): string | undefined {
  return names.find((name) => fm.value[name] !== undefined);
}

/**
 * Finds the YAML path of the node a diagnostic points at, by walking the
 * tree to the node whose key (or value) starts where the diagnostic starts.
 */
function pathAt(fm: FrontMatterText, d: Diagnostic, value = false): (string | number)[] | undefined {
  const target = fm.lines.offsetAt(d.range.start);
  const walk = (node: ReturnType<FrontMatterText['node']>, path: (string | number)[]): (string | number)[] | undefined => {
    if (!node) return undefined;
    for (const entry of node.entries ?? []) {
      const key = String(entry.key.value);
      if (!value && fm.offset(entry.key) === target) return path;
      if (value && fm.offset(entry.value) === target && entry.value.kind === 'scalar') return [...path, key];
      const inner = walk(entry.value, [...path, key]);
      if (inner) return inner;
    }
    for (const [index, item] of (node.items ?? []).entries()) {
      if (value && fm.offset(item) === target && item.kind === 'scalar') return [...path, index];
      const inner = walk(item, [...path, index]);
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(fm.locator.root, []);
}
