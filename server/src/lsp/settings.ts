/** Settings arrive from the client (workspace/configuration) in any shape; keep only what is valid. */
import { RULE_INFO } from '../core';
import { DEFAULT_SETTINGS, type GpuplanSettings } from '../protocol';

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

export function normalizeSettings(raw: unknown): GpuplanSettings {
  const value = (raw ?? {}) as Partial<Record<string, unknown>>;
  const validation = (value.validation ?? {}) as { delayMs?: unknown };
  const delay = typeof validation.delayMs === 'number' && Number.isFinite(validation.delayMs) ? Math.min(Math.max(validation.delayMs, 0), 5000) : DEFAULT_SETTINGS.validation.delayMs;
  const rules: GpuplanSettings['rules'] = {};
  for (const [code, severity] of Object.entries((value.rules ?? {}) as Record<string, unknown>)) {
    if (code in RULE_INFO && typeof severity === 'string' && SEVERITIES.has(severity)) rules[code] = severity as GpuplanSettings['rules'][string];
  }
  const allowlist = ((value.abbreviations ?? {}) as { allowlist?: unknown }).allowlist;
  return {
    validation: { delayMs: delay },
    rules,
    abbreviations: { allowlist: Array.isArray(allowlist) ? allowlist.filter((a): a is string => typeof a === 'string' && /^[A-Z]{2,}$/.test(a)) : [] },
  };
}
