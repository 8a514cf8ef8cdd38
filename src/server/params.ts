/**
 * The parts of request parameters the handlers read, checked before use: a
 * malformed request is answered with "invalid params", never a thrown
 * TypeError deep inside a feature.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { z } from 'zod';

const position = z.object({ line: z.number().int().min(0), character: z.number().int().min(0) });
const textDocument = z.object({ uri: z.string() });

export const DocumentParams = z.object({ textDocument });
export const PositionParams = z.object({ textDocument, position });
export const RangeParams = z.object({ textDocument, range: z.object({ start: position, end: position }) });
export const CodeActionParams = RangeParams.extend({ context: z.object({ only: z.array(z.string()).optional() }).optional() });
export const ReferenceParams = PositionParams.extend({ context: z.object({ includeDeclaration: z.boolean() }).optional() });
export const RenameParams = PositionParams.extend({ newName: z.string() });
export const WorkspaceSymbolParams = z.object({ query: z.string() });

export function checked<T>(schema: z.ZodType<T>, params: unknown): T {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? issue.path.join('.') : 'params';
  throw new ResponseError(ErrorCodes.InvalidParams, `The request's ${where} is not valid: ${issue.message}.`);
}
