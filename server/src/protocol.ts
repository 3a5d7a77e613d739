/**
 * Custom messages between the gpuplan language server and its clients, typed once here and
 * imported by both sides (`server/src/server.ts` and `client/src/*`). Standard LSP covers the
 * rest (diagnostics, completion, hover, code actions, symbols, folding, formatting).
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { CostModel } from './core/cost';
import type { CostTable } from './core/cost-table';

/** Settings under `gpuplan.*`, pulled by the server with `workspace/configuration`. */
export interface GpuplanSettings {
  validation: {
    /** Milliseconds to wait after a keystroke before validating; 0 validates at once. */
    delayMs: number;
  };
  /** Per-rule severity overrides: rule code → "error" | "warning" | "information" | "hint" | "off". */
  rules: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
  abbreviations: {
    /** Acronyms that need no full name, on top of the built-in list. */
    allowlist: string[];
  };
}

export const DEFAULT_SETTINGS: GpuplanSettings = {
  validation: { delayMs: 100 },
  rules: {},
  abbreviations: { allowlist: [] },
};

/** A section (top-level chapter or cover field) of the form, in the form's order. */
export interface SectionInfo {
  /** The JSON key, e.g. "overview". */
  key: string;
  /** The form's Korean label, e.g. "I 과제 개요". */
  label: string;
  /** Where it belongs in the form, e.g. "표지", "요약서", "I". */
  part: string;
  /** Whether the document already has it. */
  present: boolean;
}

export interface SectionsParams {
  uri: string;
}

/** `gpuplan/sections`: the form's top-level sections and which ones the document has. */
export const SectionsRequest = new RequestType<SectionsParams, SectionInfo[], void>('gpuplan/sections');

export interface InsertionParams {
  uri: string;
  /** Path of the object to insert into; [] for the top level. */
  parentPath: (string | number)[];
  key: string;
}

export interface Insertion {
  /** Where to insert (zero-based, UTF-16), or where the section already is. */
  position: { line: number; character: number };
  /** VS Code snippet text to insert at `position` (commas and indentation included). */
  snippet?: string;
  /** Set when the key exists already: the range of its property, to reveal instead. */
  existing?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** `gpuplan/insertion`: how to insert a section or property at its proper place. */
export const InsertionRequest = new RequestType<InsertionParams, Insertion | null, void>('gpuplan/insertion');

/** Arguments of the client command `gpuplan.applySnippet`, used by quick fixes that need tab stops. */
export interface ApplySnippetArgs {
  uri: string;
  /** Document version the fix was computed for; the client refuses to apply it to another. */
  version: number;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  snippet: string;
}

/** Client commands the server refers to in code actions. */
export const ClientCommands = {
  applySnippet: 'gpuplan.applySnippet',
  insertSection: 'gpuplan.insertSection',
} as const;

/** A GPU request to try out or write: the what-if of the cost preview. */
export interface GpuRequest {
  type: 'H200' | 'B200';
  servers: number;
  months: number;
}

export interface CostPreviewParams {
  uri: string;
  /** Compute the figures as if `gpu` were this request, without touching the document. */
  override?: GpuRequest;
}

/** What `gpuplan/costPreview` answers: the core's cost model for the current text. */
export interface CostPreview {
  uri: string;
  /** Version of the document the figures were computed from. */
  version: number;
  cost: CostModel;
  /** The form's 민간부담금 table and the payer line, in the server's locale. */
  table: CostTable;
  /** Milestones of `schedule`, for the form's 12-month grid. */
  schedule: {
    start?: string;
    end?: string;
    milestones: Array<{ task: string; months: string[] }>;
  };
  /** Estimated pages of the body and of the summary. */
  pages: { body: number; summary: number; budget: number };
  /** Findings by severity, so the preview can say the plan is not clean yet. */
  counts: { error: number; warning: number; information: number };
}

export const CostPreviewRequest = new RequestType<CostPreviewParams, CostPreview | null, void>('gpuplan/costPreview');

/** Sent by the server whenever a document's figures change, so clients never poll. */
export const CostChangedNotification = new NotificationType<CostPreview>('gpuplan/costChanged');

export interface GpuEditParams {
  uri: string;
  /** The document version the user saw; the server answers null for another one. */
  version: number;
  request: GpuRequest;
}

/**
 * `gpuplan/gpuEdit`: the one text edit that writes a GPU request into the document (and keeps a
 * declared 민간부담금 in step with it), for the client to apply as a single undoable change.
 */
export const GpuEditRequest = new RequestType<GpuEditParams, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string } | null, void>('gpuplan/gpuEdit');

/** Client command that opens the cost preview; CodeLenses and the status bar use it. */
export const SHOW_COST_PREVIEW_COMMAND = 'gpuplan.showCostPreview';
