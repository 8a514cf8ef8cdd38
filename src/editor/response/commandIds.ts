/** Every command id of the incident response features, in one typed place (package.json names the same). */
export const ResponseCommands = {
  declareIncident: 'incidentLens.declareIncident',
  openIncident: 'incidentLens.openIncident',
  addTimelineEntry: 'incidentLens.addTimelineEntry',
  setStatus: 'incidentLens.setStatus',
  assignRole: 'incidentLens.assignRole',
  whoToCall: 'incidentLens.whoToCall',
  draftStatusUpdate: 'incidentLens.draftStatusUpdate',
  copyStatusUpdate: 'incidentLens.copyStatusUpdate',
  groupIncidentsBy: 'incidentLens.groupIncidentsBy',
  revealInIncident: 'incidentLens.revealInIncident',
  markActionDone: 'incidentLens.markActionDone',
  setActionDue: 'incidentLens.setActionDue',
  openFollowUp: 'incidentLens.openFollowUp',
  groupFollowUpsByOwner: 'incidentLens.groupFollowUpsByOwner',
  ungroupFollowUps: 'incidentLens.ungroupFollowUps',
  showClosedFollowUps: 'incidentLens.showClosedFollowUps',
  hideClosedFollowUps: 'incidentLens.hideClosedFollowUps',
} as const;

/** Context keys the menus read. */
export const ContextKeys = {
  followUpsByOwner: 'incidentLens.followUps.byOwner',
  followUpsShowClosed: 'incidentLens.followUps.showClosed',
  incidentsGroupBy: 'incidentLens.incidents.groupBy',
} as const;

export const VIEW_IDS = {
  incidents: 'incidentLens.incidents',
  followUps: 'incidentLens.followUps',
} as const;

/**
 * What a command resolves to, so callers (keybindings, tests) can tell what
 * happened without reading notifications. `message` is what the user was told.
 */
export interface Outcome {
  readonly ok: boolean;
  readonly message?: string;
  /** The incident file acted on, as a uri string. */
  readonly uri?: string;
  /** What was offered or written, line by line (Who to Call's contacts, say). */
  readonly details?: readonly string[];
}

export const cancelled: Outcome = { ok: false, message: 'cancelled' };
