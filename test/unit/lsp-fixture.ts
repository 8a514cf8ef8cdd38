/** A small workspace for the language server tests: one clean incident, one with problems, a catalog, files that mention ids. */

export const CLEAN_PATH = 'incidents/2026-10-01-checkout-errors.md';
export const PROBLEMS_PATH = 'incidents/2026-11-20-search-timeouts.md';
export const SOURCE_PATH = 'src/checkout.ts';
export const NOTES_PATH = 'docs/notes.md';

export const CLEAN_TEXT = `---
id: INC-2026-001
title: Checkout errors after a deploy
status: resolved
severity: SEV2
started: 2026-10-01T09:00:00Z
detected: 2026-10-01T09:05:00Z
mitigated: 2026-10-01T09:40:00Z
resolved: 2026-10-01T10:00:00Z
services: [checkout]
code:
  - path: src/checkout.ts
timeline:
  - at: 2026-10-01T09:05:00Z
    kind: detection
    text: Alerts fired for checkout errors
  - at: 2026-10-01T09:40:00Z
    kind: mitigation
    text: Rolled back the deploy
actions:
  - id: A1
    title: Add a canary stage
    owner: Sam Ortiz
    due: 2026-12-11
    status: open
---

# Checkout errors after a deploy
`;

export const PROBLEMS_TEXT = `---
id: INC-2026-002
title: Search timeouts
status: resolvd
severity: SEV2
started: 2026-11-20T10:00:00Z
services: [search]
tgas: [latency]
timeline:
  - at: 2026-11-20T10:30:00Z
    kind: mitigation
    text: Restarted the search nodes
  - at: 2026-11-20T10:05:00Z
    kind: detection
    text: Timeouts reported by support
actions:
  - id: A1
    title: Alert on search timeouts
    owner: Lee Wong
    due: 2026-11-01
    status: open
---

It was human error.
`;

/** The problems of PROBLEMS_TEXT: code and 0-based line, as a reader of the file finds them. */
export const PROBLEMS: readonly (readonly [string, number])[] = [
  ['invalid-value', 3],
  ['unknown-service', 6],
  ['unknown-field', 7],
  ['timeline-order', 12],
  ['action-overdue', 19],
  ['blame-language', 23],
];

export const SOURCE_TEXT = `// Retries were added after INC-2026-001.
export const retries = 3;
`;

export const NOTES_TEXT = `Checkout broke in INC-2026-001; search in INC-2026-002.
UTF-8 and SHA-256 are not incidents, nor is INC-2026-001-2.
`;

export const FILES: Readonly<Record<string, string>> = {
  [CLEAN_PATH]: CLEAN_TEXT,
  [PROBLEMS_PATH]: PROBLEMS_TEXT,
  'incidents/catalog.yaml': 'services:\n  checkout:\n    owners: [team-payments]\n',
  [SOURCE_PATH]: SOURCE_TEXT,
  [NOTES_PATH]: NOTES_TEXT,
};
