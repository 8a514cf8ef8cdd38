/** The response features' settings, and "now" as a timestamp. */
import * as vscode from 'vscode';
import { localOffsetMinutes, nowMs as clockNowMs } from '../../core/clock';
import { formatTimestamp } from '../../core/timestamps';
import type { IncidentSummary } from '../../core/incident';

/** Your name, for `who` on entries you add and as the first choice when assigning a role. */
export function yourName(): string | undefined {
  // A window setting: you are the same person in every folder.
  const name = vscode.workspace.getConfiguration('incidentLens').get<string>('response.name');
  return name?.trim() || undefined;
}

/** Now, in the incident's own offset (so its times read alike), else the user's. */
export function nowStamp(incident?: IncidentSummary, nowMs = clockNowMs()): string {
  return formatTimestamp(nowMs, incident?.started?.offsetMinutes ?? localOffsetMinutes(new Date(nowMs)));
}
