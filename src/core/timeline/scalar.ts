/** Entry values written as YAML scalars that read back as exactly the text typed. */
import { yamlScalar } from '../edits/frontMatterEdits';
import { parseTimestamp } from '../timestamps';

/**
 * Inside `{...}` a plain `,`, `:`, `#` or bracket ends or breaks the value,
 * and a line break never fits on an entry's line: such values are written as
 * double-quoted strings (JSON's escapes are YAML's).
 */
export function entryScalar(value: string, flow: boolean): string {
  if (parseTimestamp(value)) return value;
  const plain = yamlScalar(value);
  if (/[\r\n]/.test(plain)) return JSON.stringify(value);
  if (flow && !/^["']/.test(plain) && /[,[\]{}#:]/.test(plain)) return JSON.stringify(value);
  return plain;
}
