/** Follow-up edits: mark an action done, set its due date. Each touches one line of that action. */
import { parseDate } from '../timestamps';
import { FrontMatterText, setField } from './frontMatterEdits';
import type { TextEdit } from './textEdit';
import { checked, isRecord } from './verify';

function actionAt(value: Record<string, unknown>, index: number): Record<string, unknown> | undefined {
  const actions = value.actions;
  const action = Array.isArray(actions) ? actions[index] : undefined;
  return isRecord(action) ? action : undefined;
}

export function markActionDoneEdits(text: string, index: number): TextEdit[] | undefined {
  const fm = FrontMatterText.parse(text);
  if (!fm || !actionAt(fm.value, index)) return undefined;
  const edit = setField(fm, ['actions', index, 'status'], 'done', 'due');
  return checked(fm, edit && [edit], (value) => actionAt(value, index)?.status === 'done');
}

/** `due` is a calendar date, `YYYY-MM-DD`. */
export function setActionDueEdits(text: string, index: number, due: string): TextEdit[] | undefined {
  const fm = FrontMatterText.parse(text);
  if (!fm || !actionAt(fm.value, index) || parseDate(due) === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(due)) return undefined;
  const edit = setField(fm, ['actions', index, 'due'], due, 'owner');
  return checked(fm, edit && [edit], (value) => actionAt(value, index)?.due === due);
}

/** The index of the action with this id in the current text (items move when others are added). */
export function actionIndexById(text: string, id: string): number | undefined {
  const fm = FrontMatterText.parse(text);
  const actions = fm?.value.actions;
  if (!Array.isArray(actions)) return undefined;
  const index = actions.findIndex((action) => isRecord(action) && String(action.id) === id);
  return index >= 0 ? index : undefined;
}
