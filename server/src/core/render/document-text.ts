/** Reading a document model back as plain text. */
import type { Block, Inline, PlanDocument } from './model';

/** Every text of the document in reading order, one string per paragraph, bullet or cell: for tests and search. */
export function documentText(doc: PlanDocument): string[] {
  const out: string[] = [];
  const inline = (runs: readonly Inline[]) => runs.map((r) => (typeof r === 'string' ? r : r.text)).join('');
  const visit = (block: Block): void => {
    switch (block.kind) {
      case 'heading':
        out.push(block.text);
        break;
      case 'paragraph':
        out.push(inline(block.runs));
        break;
      case 'bullets':
        for (const item of block.items) out.push(`${item.marker} ${item.text}`);
        break;
      case 'table':
        for (const r of block.rows) for (const c of r.cells) for (const inner of c.blocks) visit(inner);
        break;
      case 'toc':
        out.push(block.title, ...block.entries.map((e) => e.text));
        break;
      case 'pageBreak':
        break;
    }
  };
  doc.blocks.forEach(visit);
  return out;
}
