/** Adding a service to `incidents/catalog.yaml`, as an edit at its end. */
import { LineIndex } from '../text';
import type { TextEdit } from './textEdit';

/** Appends the service with the indentation services already use there, and an empty owner list. */
export function addServiceEdit(catalogText: string, service: string): TextEdit {
  const indent = /^services:\s*\n([ \t]+)\S/m.exec(catalogText)?.[1] ?? '  ';
  const eol = /\r\n/.test(catalogText) ? '\r\n' : '\n';
  const needsBreak = catalogText.length > 0 && !catalogText.endsWith('\n');
  const name = /^[\w.-]+$/.test(service) ? service : JSON.stringify(service);
  const end = new LineIndex(catalogText).positionAt(catalogText.length);
  return { range: { start: end, end }, newText: `${needsBreak ? eol : ''}${indent}${name}:${eol}${indent}${indent}owners: []${eol}` };
}
