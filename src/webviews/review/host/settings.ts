/** The review's settings for the folder an incident is in. */
import type * as vscode from 'vscode';
import { localToday } from '../../../core/clock';
import type { ReviewOptions } from '../../../core/review/types';
import { readSettings } from '../../../editor/config';

export function reviewOptions(uri: vscode.Uri): ReviewOptions {
  const settings = readSettings(uri);
  return { ...settings.review, blamePhrases: settings.lint.blamePhrases, todayMs: localToday() };
}
