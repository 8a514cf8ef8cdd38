/** One-line explanations of each field, for hovers and completion details. */
export const FIELD_DOCS: Readonly<Record<string, string>> = {
  id: 'Unique id of the incident, like `INC-2026-014`. Required.',
  title: 'One line, what users saw (1 to 200 characters). Required.',
  status: 'Lifecycle: investigating → identified → monitoring → resolved → reviewed (`reviewed` means the post-incident review was held). Required.',
  severity: 'How bad it was, from the configured levels (SEV1 is the worst). Required.',
  started: 'When impact began, to the best of our knowledge. ISO 8601 with an offset. Required.',
  detected: 'When someone or something noticed. Time to detect = detected − started.',
  mitigated: 'When impact stopped. Time to mitigate = mitigated − started.',
  resolved: 'When the incident was closed operationally.',
  services: 'Affected services, by the names in `incidents/catalog.yaml` when there is one.',
  tags: 'Free labels.',
  roles: 'Who coordinated: `commander`, `communications`, `operations`, `scribe`, or other roles.',
  participants: 'Everyone involved, including support, product and marketing.',
  impact: 'Impact in words: `summary`, `customers`, `duration_note`. Numbers belong in context.',
  near_miss: 'True when nothing broke for users but it nearly did. Near misses are incidents too.',
  review: 'The post-incident review: `status` (draft, in-review, done), `facilitator`, `held` (date).',
  code: 'Code paths involved: `path` (globs allowed), optional `lines`, `pattern`, `ref`, `note`.',
  commits: 'Commits involved: `sha` and `role` (trigger, fix, mitigation, related), optional `repo`.',
  factors: 'Contributing factors, never a single root cause: `kind` and `text`.',
  actions: 'Follow-ups: `id`, `title`, `owner`, `due`, `status`, optional `kind`, `link`, `reason`.',
  timeline: 'What happened, in order: `at`, `kind`, `who`, `text`, optional `evidence`.',
};

/** One-line explanations of the fields of `incidents/catalog.yaml`; each name is used at one level only. */
export const CATALOG_FIELD_DOCS: Readonly<Record<string, string>> = {
  services: 'One entry per service, by the name incidents give under `services`. An entry may be empty (`api:`).',
  owners: 'Teams or people who own the service.',
  contacts: 'Whom to call, in order: `name`, and `how` to reach them.',
  runbook: 'Where the runbook is: a path in the repository or a link.',
  code: 'Code paths of the service (globs allowed), by which Who to Call finds the service of a file.',
  name: 'Who to call.',
  how: 'How to reach them: chat handle, phone.',
};
