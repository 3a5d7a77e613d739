/**
 * The cost preview's amounts as the status bar writes them. The page itself (its controls, and
 * the table, chart, milestones and what-if result placed into it) is HTML the server makes:
 * `gpuplan/costPreviewPage` and `gpuplan/costPreview` with `html`.
 */
const group = (n: number): string =>
  Math.round(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
/** An amount as the form writes it: 76,800,000원. */
export const won = (n: number | undefined): string => (n === undefined ? '—' : `${group(n)}원`);
