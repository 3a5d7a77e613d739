/**
 * The lifecycle of LSP 3.17, enforced for every message before any handler sees it:
 * - before `initialize`, a request gets ServerNotInitialized (-32002) and a notification is
 *   dropped (except `exit`);
 * - `initialize` is answered once; a second one gets InvalidRequest;
 * - after `shutdown`, a request gets InvalidRequest and a notification other than `exit` is
 *   dropped;
 * - a request without params (or with params that are not an object where LSP wants one, or
 *   without the textDocument, position or range its method needs) gets InvalidParams;
 * - a request cancelled while it still waits in the queue is answered RequestCancelled
 *   without being computed.
 *
 * vscode-jsonrpc lets a message strategy see each message before it is dispatched; a refused
 * request is turned into a request of REJECT_METHOD, whose handler answers with the error, so
 * the answer keeps the request's id and goes out through the connection like any other.
 */
import {
  ErrorCodes,
  LSPErrorCodes,
  Message,
  ResponseError,
  type ConnectionOptions,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import * as protocol from '../../../shared/src/protocol';

export const REJECT_METHOD = '$/gpuplan/reject';

export interface Rejection {
  readonly code: number;
  readonly message: string;
}

type State = 'new' | 'running' | 'shutdown';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPosition = (value: unknown): boolean =>
  isRecord(value) && Number.isInteger(value.line) && Number.isInteger(value.character) && (value.line as number) >= 0 && (value.character as number) >= 0;
const isRange = (value: unknown): boolean => isRecord(value) && isPosition(value.start) && isPosition(value.end);

/** Requests whose params must carry a position, or a range, besides the document. */
const POSITION_METHODS = new Set([
  'textDocument/hover',
  'textDocument/completion',
  'textDocument/signatureHelp',
  'textDocument/definition',
  'textDocument/references',
  'textDocument/documentHighlight',
  'textDocument/prepareRename',
  'textDocument/rename',
]);
const RANGE_METHODS = new Set(['textDocument/codeAction', 'textDocument/rangeFormatting', 'textDocument/inlayHint', 'textDocument/semanticTokens/range']);

/** The namespaces of LSP requests, all of which take an object as params (`shutdown` takes none). */
const LSP_NAMESPACE =
  /^(textDocument|workspace|window|completionItem|codeAction|codeLens|documentLink|inlayHint|callHierarchy|typeHierarchy|workspaceSymbol)\//;

/** gpuplan's own requests (shared/src/protocol.ts) by method: how many params each takes (0 or 1). */
const CUSTOM_REQUESTS = new Map<string, number>(
  (Object.values(protocol) as unknown[])
    .filter(
      (value): value is { method: string; numberOfParams: number } =>
        typeof value === 'object' &&
        value !== null &&
        typeof (value as { method?: unknown }).method === 'string' &&
        typeof (value as { numberOfParams?: unknown }).numberOfParams === 'number',
    )
    .map((type) => [type.method, type.numberOfParams]),
);

/** gpuplan requests whose params may be left out. */
const OPTIONAL_PARAMS: ReadonlySet<string> = new Set([protocol.ExportFormatsRequest.method]);

/**
 * Why the params of a request are not acceptable, or undefined when they are. An LSP request,
 * and a gpuplan request typed with params, needs an object; a request typed without params
 * takes none; one with optional params (gpuplan/exportFormats) takes none, null or an object; params that are there must be structured (JSON-RPC 2.0).
 */
export function invalidParams(method: string, params: unknown): string | undefined {
  if (method === 'shutdown') return undefined;
  // Optional params (the client's PDF tool): none, null or an object.
  // vscode-jsonrpc sends a single null argument by position, as [null].
  if (OPTIONAL_PARAMS.has(method)) {
    const only: unknown = Array.isArray(params) && params.length === 1 ? params[0] : params;
    return only === undefined || only === null || isRecord(only) ? undefined : `${method}: params must be an object or null; got ${JSON.stringify(params)}.`;
  }
  const custom = CUSTOM_REQUESTS.get(method);
  if (!LSP_NAMESPACE.test(method) && custom !== 1)
    return params === undefined || (typeof params === 'object' && params !== null)
      ? undefined
      : `${method}: params must be an object; got ${JSON.stringify(params)}.`;
  if (!isRecord(params)) return `${method}: params must be an object; got ${params === undefined ? 'none' : JSON.stringify(params)}.`;
  if (method.startsWith('textDocument/')) {
    const document = params.textDocument;
    if (!isRecord(document) || typeof document.uri !== 'string') return `${method}: params.textDocument.uri must be a string.`;
    if (POSITION_METHODS.has(method) && !isPosition(params.position)) return `${method}: params.position must be { line, character } of non-negative integers.`;
    if (RANGE_METHODS.has(method) && !isRange(params.range)) return `${method}: params.range must be { start, end } positions.`;
    if (method === 'textDocument/codeAction' && !isRecord(params.context)) return `${method}: params.context must be an object.`;
    if (method === 'textDocument/selectionRange' && !(Array.isArray(params.positions) && params.positions.every(isPosition)))
      return `${method}: params.positions must be a list of positions.`;
  }
  if (method === 'workspace/executeCommand' && typeof params.command !== 'string') return `${method}: params.command must be a string.`;
  return undefined;
}

/** Notifications whose handlers read params: dropped (with a log line) when these are missing. */
const NOTIFICATIONS_WITH_DOCUMENT = new Set([
  'textDocument/didOpen',
  'textDocument/didChange',
  'textDocument/didClose',
  'textDocument/didSave',
  'textDocument/willSave',
]);

export class Lifecycle {
  private state: State = 'new';

  constructor(private readonly log: (message: string) => void) {}

  get initialized(): boolean {
    return this.state !== 'new';
  }

  /** Options for createConnection: the message strategy and the cancellation of queued requests. */
  readonly options: ConnectionOptions = {
    messageStrategy: {
      handleMessage: (message, next) => {
        next(this.filter(message) ?? DROPPED);
      },
    },
    connectionStrategy: {
      cancelUndispatched: (message: Message): ResponseMessage | undefined =>
        Message.isRequest(message)
          ? { jsonrpc: '2.0', id: message.id, error: { code: LSPErrorCodes.RequestCancelled, message: `${message.method}: cancelled before it started.` } }
          : undefined,
    },
  };

  /** The message to dispatch: the same, a rejection, or undefined to drop it. */
  private filter(message: Message): Message | undefined {
    if (Message.isRequest(message)) return this.request(message);
    if (Message.isNotification(message)) {
      const method = message.method;
      if (method === 'exit') return message;
      if (this.state !== 'running') return undefined;
      if (
        NOTIFICATIONS_WITH_DOCUMENT.has(method) &&
        !(isRecord(message.params) && isRecord(message.params.textDocument) && typeof message.params.textDocument.uri === 'string')
      ) {
        this.log(`gpuplan: ${method} without params.textDocument.uri; ignored.`);
        return undefined;
      }
      return message;
    }
    return message;
  }

  private request(message: RequestMessage): Message {
    const reject = (code: number, text: string): RequestMessage => ({
      jsonrpc: '2.0',
      id: message.id,
      method: REJECT_METHOD,
      params: { code, message: text } satisfies Rejection,
    });
    if (message.method === 'initialize') {
      if (this.state !== 'new') return reject(ErrorCodes.InvalidRequest, 'initialize: the server is already initialized.');
      if (!isRecord(message.params) || !isRecord(message.params.capabilities))
        return reject(ErrorCodes.InvalidParams, 'initialize: params.capabilities must be an object.');
      this.state = 'running';
      return message;
    }
    if (this.state === 'new') return reject(ErrorCodes.ServerNotInitialized, `${message.method}: the server is not initialized yet; send initialize first.`);
    if (this.state === 'shutdown') return reject(ErrorCodes.InvalidRequest, `${message.method}: the server is shutting down.`);
    if (message.method === 'shutdown') {
      this.state = 'shutdown';
      return message;
    }
    const problem = invalidParams(message.method, message.params);
    return problem ? reject(ErrorCodes.InvalidParams, problem) : message;
  }
}

/** What a dropped message becomes: a notification whose handler does nothing. */
export const DROPPED_METHOD = '$/gpuplan/dropped';
const DROPPED: Message = { jsonrpc: '2.0', method: DROPPED_METHOD } as Message;

/** The handler of REJECT_METHOD. */
export function rejection(params: Rejection): never {
  throw new ResponseError(params.code, params.message);
}
