/** Why a document could not be imported at all (the command exits 2 and writes nothing). */
import { msg, type Message } from '../core/l10n';

export type ImportErrorCode = 'empty' | 'unsupported' | 'encrypted' | 'drm' | 'imageOnly' | 'corrupted' | 'tooLarge' | 'notTheForm' | 'failed';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    readonly detail: Message,
  ) {
    super(detail.template);
  }
}

export const importError = {
  empty: () => new ImportError('empty', msg('The file is empty: there is nothing to import.')),
  unsupported: () =>
    new ImportError(
      'unsupported',
      msg(
        'This is not a document gpuplan can read. Import reads the filled form as HWP (Hangul 97–2024), HWPX, DOCX or PDF; save it in one of these formats and try again.',
      ),
    ),
  encrypted: () =>
    new ImportError(
      'encrypted',
      msg('The document is protected by a password. Open it in Hangul (or Word), remove the password (save a copy without it) and import that copy.'),
    ),
  drm: () =>
    new ImportError(
      'drm',
      msg(
        'The document is locked by document security (DRM), which only Hangul on an authorised computer can open. Save an unlocked copy there, or print it to PDF, and import that.',
      ),
    ),
  imageOnly: () =>
    new ImportError(
      'imageOnly',
      msg(
        'The PDF has no text, only images (a scan or a photo of the pages). gpuplan does not run character recognition: import the HWP, HWPX or DOCX the PDF was made from, or a PDF saved from it with its text.',
      ),
    ),
  corrupted: (why: string) =>
    new ImportError(
      'corrupted',
      msg('The document is damaged and cannot be read ({0}). Open it in Hangul or Word, save it again and import the new copy.', why),
    ),
  tooLarge: (megabytes: number) =>
    new ImportError('tooLarge', msg('The file is larger than {0} MB, more than a plan can be. Import the plan itself.', megabytes)),
  notTheForm: () =>
    new ImportError(
      'notTheForm',
      msg(
        'This does not look like the 사업수행계획서 of the 「첨단 GPU 활용 지원 사업」: neither its 표지 table nor the chapters I–VI were found. Import the form itself (the 2025. 12. Open Track form, filled in or half filled).',
      ),
    ),
  failed: (why: string) => new ImportError('failed', msg('The document could not be read: {0}', why)),
};
