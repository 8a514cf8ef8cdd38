/**
 * A folder's `incidentLens.*` settings as the server sees them: what the
 * client answers to `workspace/configuration` first, then what the folder's
 * own `.vscode/settings.json` says (as `incident-lens lint` reads it), then
 * the defaults. Clients send either nested objects (`{hotspots: {codeLens}}`,
 * as VS Code does) or dotted keys (`{"hotspots.codeLens": …}`); both count.
 */
import type { SettingLookup } from '../core/settings';

/** Settings an untrusted folder cannot set for itself, as the editor's restricted configurations. */
const RESTRICTED_IN_UNTRUSTED = new Set(['maxFileSize']);

export function layeredSettings(fromClient: unknown, fromFolder: SettingLookup, trusted: boolean): SettingLookup {
  return (key) => {
    const sent = settingIn(fromClient, key);
    if (sent !== undefined && sent !== null) return sent;
    if (!trusted && RESTRICTED_IN_UNTRUSTED.has(key)) return undefined;
    return fromFolder(key);
  };
}

function settingIn(value: unknown, key: string): unknown {
  if (!isObject(value)) return undefined;
  if (Object.hasOwn(value, key)) return value[key];
  let current: unknown = value;
  for (const part of key.split('.')) {
    if (!isObject(current) || !Object.hasOwn(current, part)) return undefined;
    current = current[part];
  }
  return current;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
