/** A new incident file from the template: its name and its text. */
import { flowScalar, yamlScalar } from './frontMatterEdits';

export interface NewIncident {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly services: readonly string[];
  /** Now, with the declarer's offset: `started`, `detected` and the first entry. */
  readonly at: string;
  readonly who?: string;
  readonly eol?: string;
}

const SECTIONS = ['Summary', 'Impact', 'Narrative', 'Perspectives', 'What went well', 'Where we got lucky', 'Open questions', 'Learnings'];

const FIRST_ENTRY_TEXT = 'Incident declared';

export function newIncidentText(incident: NewIncident): string {
  const eol = incident.eol ?? '\n';
  const lines = [
    '---',
    `id: ${incident.id}`,
    `title: ${yamlScalar(incident.title.trim())}`,
    'status: investigating',
    `severity: ${yamlScalar(incident.severity)}`,
    `started: ${incident.at}`,
    `detected: ${incident.at}`,
    ...(incident.services.length > 0 ? [`services: [${incident.services.map((s) => flowScalar(s.trim())).join(', ')}]`] : []),
    'timeline:',
    `  - at: ${incident.at}`,
    '    kind: decision',
    ...(incident.who?.trim() ? [`    who: ${yamlScalar(incident.who.trim())}`] : []),
    `    text: ${FIRST_ENTRY_TEXT} (${incident.severity})`,
    '---',
    '',
    ...SECTIONS.flatMap((section) => [`## ${section}`, '']),
  ];
  return lines.join(eol);
}

/** `checkout-errors-in-eu-west`: lower case ASCII words, at most about 48 characters. */
export function slugify(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 48 && slug) break;
    slug = next.slice(0, 48);
  }
  return slug || 'incident';
}

/** `YYYY-MM-DD-slug.md`, the date as written in `at` (the declarer's day). */
export function incidentFileName(at: string, title: string, taken: (name: string) => boolean = () => false): string {
  const base = `${at.slice(0, 10)}-${slugify(title)}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.md` : `${base}-${n}.md`;
    if (!taken(name)) return name;
  }
}
