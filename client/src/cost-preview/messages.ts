/**
 * Messages from the preview webview are untrusted input: this validates them before the
 * extension acts. Pure (no `vscode` import) so that it is unit-tested directly.
 */
import type { GpuRequest, PreviewLimits } from '../../../shared/src/protocol';

export type PreviewMessage =
  { readonly type: 'ready' } | { readonly type: 'whatIf'; readonly request: GpuRequest | null } | { readonly type: 'apply'; readonly request: GpuRequest };

/** Bounds for trying values out: wide enough to show "outside the allowed range". */
const TRY_MAX_SERVERS = 64;
const TRY_MAX_MONTHS = 24;
export const TRY_MAX = { servers: TRY_MAX_SERVERS, months: TRY_MAX_MONTHS } as const;

function parseRequest(value: unknown, program: PreviewLimits, limits: { servers: number; months: number }): GpuRequest | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { type, servers, months } = value as Record<string, unknown>;
  if (typeof type !== 'string' || !program.types.some((t) => t.type === type)) return undefined;
  if (!Number.isInteger(servers) || (servers as number) < 1 || (servers as number) > limits.servers) return undefined;
  if (!Number.isInteger(months) || (months as number) < 1 || (months as number) > limits.months) return undefined;
  return { type, servers: servers as number, months: months as number };
}

/** Whether a request is one the program accepts, so it may be written into the plan. */
export function isAllowedRequest(request: GpuRequest, program: PreviewLimits): boolean {
  const figures = program.types.find((t) => t.type === request.type);
  return (
    figures !== undefined &&
    request.servers >= figures.minServers &&
    request.servers <= figures.maxServers &&
    request.months >= program.months.min &&
    request.months <= program.months.max
  );
}

/**
 * A message of the webview, checked against what the program allows (from the server's preview);
 * before the first preview arrived only `ready` is accepted.
 */
export function parsePreviewMessage(raw: unknown, program: PreviewLimits | undefined): PreviewMessage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const message = raw as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'whatIf': {
      if (!program) return undefined;
      if (message.request === null) return { type: 'whatIf', request: null };
      const request = parseRequest(message.request, program, { servers: TRY_MAX_SERVERS, months: TRY_MAX_MONTHS });
      return request ? { type: 'whatIf', request } : undefined;
    }
    case 'apply': {
      if (!program) return undefined;
      const request = parseRequest(message.request, program, { servers: TRY_MAX_SERVERS, months: TRY_MAX_MONTHS });
      return request ? { type: 'apply', request } : undefined;
    }
    default:
      return undefined;
  }
}
