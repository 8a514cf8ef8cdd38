/** Assigning a role (`roles.commander: Priya Shah`): replaces or adds one line of the roles map. */
import { findEntry } from '../yamlTree';
import { flowScalar, FrontMatterText, isFlow, setField, yamlScalar } from './frontMatterEdits';
import type { TextEdit } from './textEdit';
import { firstPresent, insertTopLevel } from './topLevel';
import { checked, isRecord } from './verify';

/** Where a new `roles:` goes: after the fields that come before it in the format. */
const ROLES_AFTER = ['tags', 'services', 'resolved', 'mitigated', 'detected', 'started', 'severity', 'status', 'title', 'id'];

export function assignRoleEdits(text: string, role: string, person: string): TextEdit[] | undefined {
  const fm = FrontMatterText.parse(text);
  const name = role.trim();
  const who = person.trim();
  if (!fm || !name || !who) return undefined;
  return checked(fm, roleEdit(fm, name, who), (value) => isRecord(value.roles) && value.roles[name] === who);
}

function roleEdit(fm: FrontMatterText, role: string, person: string): TextEdit[] | undefined {
  const roles = fm.value.roles;
  const entry = findEntry(fm.locator.root, 'roles');
  if (roles === undefined || !entry) {
    return [insertTopLevel(fm, ['roles:', `  ${yamlScalar(role)}: ${yamlScalar(person)}`], firstPresent(fm, ROLES_AFTER))];
  }
  if (isRecord(roles) && Object.keys(roles).length > 0) {
    const edit = setField(fm, ['roles', role], person);
    return edit && [edit];
  }
  const node = entry.value;
  if (isRecord(roles) && node.kind === 'map' && isFlow(fm, node)) {
    // `roles: {}`
    return [{ range: fm.lines.rangeOf({ start: fm.offset(node), end: fm.endOffset(node) }), newText: `{${flowScalar(role)}: ${flowScalar(person)}}` }];
  }
  if (roles === null && node.span.end <= node.span.start) {
    // `roles:` with nothing under it yet.
    const at = fm.nextLineStart(fm.endOffset(entry.key));
    return [{ range: fm.lines.rangeOf({ start: at, end: at }), newText: `  ${yamlScalar(role)}: ${yamlScalar(person)}${fm.eol}` }];
  }
  return undefined;
}
