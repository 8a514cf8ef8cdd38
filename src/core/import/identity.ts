/** The incident's id (from the source when it has one), title and file name. */
import { INCIDENT_ID_PATTERN, nextIncidentId } from '../ids';
import { stripInline } from './markdown';

/** An id at the start of a file name or heading: `PM2019-009 - Title.md`, `INC-2021-3: Title`. */
export function idFromName(name: string): string | undefined {
  const base = name.replace(/^.*[\\/]/, '');
  const match = /^\s*\[?([A-Za-z][A-Za-z0-9]*-\d+(?:-\d+)?)\]?(?=$|[\s:_.,)-])/.exec(base);
  if (!match) return undefined;
  const id = match[1].toUpperCase();
  return INCIDENT_ID_PATTERN.test(id) ? id : undefined;
}

/** An id named as such: "Incident ID: INC-2024-7", "id: PM2020-001". */
export function idFromValue(value: string): string | undefined {
  const id = stripInline(value).trim().replace(/^#/, '').toUpperCase();
  return INCIDENT_ID_PATTERN.test(id) ? id : undefined;
}

export interface ChosenId {
  readonly id: string;
  readonly note: string;
  readonly warning?: string;
}

export function chooseId(candidate: string | undefined, candidateFrom: string, existingIds: readonly string[], year: number): ChosenId {
  if (candidate && !existingIds.includes(candidate)) return { id: candidate, note: `Id ${candidate} from the ${candidateFrom}` };
  const id = nextIncidentId(existingIds, year);
  if (candidate) {
    return {
      id,
      note: `Id ${id} (the next free id)`,
      warning: `Id ${candidate} is already used in the workspace, so this import is ${id}. If it is the same incident, you may not need this copy.`,
    };
  }
  return { id, note: `Id ${id} (the next free id; the source has none)` };
}

const TITLE_PREFIX = /^(?:post[- ]?mortem|postmortem report|(?:post[- ]?)?incident (?:report|review|postmortem)|pir|retrospective|rca)\s*[:—–-]\s*/i;
// Headings that name the kind of document, not the incident.
const PLACEHOLDER_TITLE = /^(incident title|title|postmortem template|post-?mortem|\[?incident name\]?|\[?title\]?|untitled|(?:post[- ]?)?incident (?:report|review)|rca)$/i;

/** A title heading without "Postmortem:" or an id in front; undefined for a template placeholder. */
export function cleanTitle(heading: string, id: string | undefined): string | undefined {
  let title = stripInline(heading).trim();
  if (id) title = title.replace(new RegExp(`^\\[?${id}\\]?\\s*[:—–-]?\\s*`, 'i'), '');
  title = title.replace(TITLE_PREFIX, '').replace(/\s+(?:post[- ]?mortem|incident report)(?=\s*(?:\(.*\))?$)/i, '').trim();
  // A title in quotes ("Post-incident review – “Invoice PDFs blank”") is the title without them.
  title = /^(["“'‘])([^"“”'‘’]+)(["”'’])$/.exec(title)?.[2]?.trim() ?? title;
  if (title === '' || PLACEHOLDER_TITLE.test(title)) return undefined;
  return title.length > 200 ? `${title.slice(0, 197).replace(/\s+\S*$/, '')}...` : title;
}

/** A title from a file name: `PM2019-009 - Kubernetes IP starvation.md` gives "Kubernetes IP starvation". */
export function titleFromFileName(name: string, id: string | undefined): string | undefined {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.(md|markdown|txt)$/i, '');
  // "PM2019-009 - Title" or "PMyyyy-nnn - Title": a code before " - " is not part of the title.
  const withoutId = id ? base.replace(new RegExp(`^\\[?${id}\\]?\\s*[:—–_-]?\\s*`, 'i'), '') : base.replace(/^\S+\s+[-–—]\s+(?=\S)/, '');
  const words = withoutId.replace(/^\d{4}-\d{2}-\d{2}[-_\s]*/, '').replace(/[-_]+/g, ' ').trim();
  return cleanTitle(words, undefined);
}

/** `kubernetes-network-infrastructure-ip-starvation`: lower case, ASCII, at most about 50 characters. */
export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= 50) return ascii || 'incident';
  const cut = ascii.slice(0, 51);
  const atWord = cut.lastIndexOf('-');
  return (atWord > 20 ? cut.slice(0, atWord) : ascii.slice(0, 50)).replace(/-+$/, '');
}
