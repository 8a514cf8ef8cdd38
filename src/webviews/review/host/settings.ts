/** The review's settings for the folder an incident is in. */
import * as vscode from 'vscode';
import { DEFAULT_BLAME_PHRASES } from '../../../core/blame';
import { localToday } from '../../../core/clock';
import { DEFAULT_ACTION_HORIZON_DAYS, DEFAULT_MAX_OPEN_ACTIONS, type ReviewOptions } from '../../../core/review/types';

export function reviewOptions(uri: vscode.Uri): ReviewOptions {
  const config = vscode.workspace.getConfiguration('incidentLens', uri);
  const horizon = config.get<number>('review.actionHorizonDays');
  const maxOpen = config.get<number>('review.maxOpenActions');
  return {
    actionHorizonDays: wholeNumber(horizon, DEFAULT_ACTION_HORIZON_DAYS),
    maxOpenActions: wholeNumber(maxOpen, DEFAULT_MAX_OPEN_ACTIONS),
    blamePhrases: config.get<string[]>('blamePhrases') ?? DEFAULT_BLAME_PHRASES,
    todayMs: localToday(),
  };
}

/** A setting typed by hand may be anything; only a whole number of at least 0 counts. */
function wholeNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : fallback;
}
