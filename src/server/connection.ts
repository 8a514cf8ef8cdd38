/**
 * A server connection over any message reader and writer (stdio streams in
 * Node, a port in a web worker), answering what the JSON-RPC library passes
 * by: text that is not JSON gets a parse error, and JSON that is no request,
 * notification or response gets an invalid-request error.
 */
import { createConnection, createProtocolConnection, type Connection, type Disposable, type Message, type MessageReader, type MessageWriter, type WatchDog } from 'vscode-languageserver';

const PARSE_ERROR = -32700;
const INVALID_REQUEST = -32600;

export function serverConnection(reader: MessageReader, writer: MessageWriter, watchDog: WatchDog): Connection {
  const checked = new CheckedReader(reader, writer);
  return createConnection((logger) => createProtocolConnection(checked, writer, logger), watchDog);
}

type Id = string | number | null;

class CheckedReader implements MessageReader {
  constructor(
    private readonly reader: MessageReader,
    private readonly writer: MessageWriter,
  ) {}

  get onError() {
    return this.reader.onError;
  }

  get onClose() {
    return this.reader.onClose;
  }

  get onPartialMessage() {
    return this.reader.onPartialMessage;
  }

  listen(callback: (message: Message) => void): Disposable {
    const errors = this.reader.onError((error) => {
      // Thrown by the reader for a body that does not decode; headers it cannot read are its own to report.
      if (error instanceof SyntaxError) this.answer(null, PARSE_ERROR, `The message is not valid JSON: ${error.message}`);
    });
    const listening = this.reader.listen((message) => {
      const problem = messageProblem(message);
      if (problem) this.answer(problem.id, INVALID_REQUEST, problem.message);
      else callback(message);
    });
    return { dispose: () => (errors.dispose(), listening.dispose()) };
  }

  dispose(): void {
    this.reader.dispose();
  }

  private answer(id: Id, code: number, message: string): void {
    const response = { jsonrpc: '2.0', id, error: { code, message } };
    void this.writer.write(response as Message).catch(() => undefined);
  }
}

function messageProblem(message: unknown): { id: Id; message: string } | undefined {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return { id: null, message: 'A message must be one JSON object (batches are not supported).' };
  const fields = message as Record<string, unknown>;
  const id = fields.id;
  const idValid = id === undefined || typeof id === 'string' || typeof id === 'number';
  const answerId: Id = typeof id === 'string' || typeof id === 'number' ? id : null;
  if (!idValid) return { id: null, message: 'The id must be a number or a string.' };
  if (typeof fields.method === 'string') return undefined;
  if (fields.method !== undefined) return { id: answerId, message: 'The method must be a string.' };
  if (id !== undefined && ('result' in fields || 'error' in fields)) return undefined;
  return { id: answerId, message: 'The message is neither a request, a notification nor a response.' };
}
