/**
 * The document model as HWP 5 (the binary `.hwp` that Hangul writes and the form asks for): the
 * HWPX export, opened by rhwp (@rhwp/core) and written again as HWP 5 with its `exportHwp`. The file
 * is checked before it is handed out: rhwp reports no lost content, and reopens it with the same
 * number of pages as the HWPX.
 */
import type { PlanDocument } from '../core/render';
import { renderHwpx, type HwpxOptions } from './hwpx';
import { rhwpJson, withRhwpDocument } from './hwp/rhwp';

export { RhwpUnavailableError, engineVersion as rhwpVersion } from './hwp/rhwp';

/** rhwp could not write the HWP, or what it wrote is not the document. */
export class HwpWriteError extends Error {
  constructor(detail: string) {
    super(`The HWP file could not be made: ${detail}`);
    this.name = 'HwpWriteError';
  }
}

interface ContentLoss {
  readonly count?: number;
  readonly losses?: ReadonlyArray<{ readonly kind?: string; readonly message?: string }>;
}

/** An HWPX package as HWP 5, with the number of pages both have. */
export function hwpxToHwp(hwpx: Uint8Array): { bytes: Uint8Array; pages: number } {
  return withRhwpDocument(hwpx, (document) => {
    const pages = document.pageCount();
    const exported = document.exportHwpWithReport();
    let bytes: Uint8Array;
    let loss: ContentLoss;
    try {
      loss = rhwpJson(exported.contentLoss()) as ContentLoss;
      bytes = exported.takeBytes();
    } finally {
      exported.free();
    }
    if ((loss.count ?? 0) > 0) {
      throw new HwpWriteError(`rhwp reports ${loss.count} lost item(s): ${(loss.losses ?? []).map((l) => l.message ?? l.kind ?? '').join('; ')}`);
    }
    if (bytes.length < 512 || bytes[0] !== 0xd0 || bytes[1] !== 0xcf) throw new HwpWriteError('what rhwp wrote is not an HWP (compound file) document.');
    const reopened = withRhwpDocument(bytes, (hwp) => hwp.pageCount());
    if (reopened !== pages) throw new HwpWriteError(`the HWP has ${reopened} page(s), the HWPX ${pages}.`);
    return { bytes, pages };
  });
}

/** The document as a .hwp file. */
export async function renderHwp(doc: PlanDocument, options: HwpxOptions = {}): Promise<Uint8Array> {
  return hwpxToHwp(await renderHwpx(doc, options)).bytes;
}
