/** The form's ways of writing numbers and amounts, and the display width of text. */

/** `38400000` → `38,400,000`. */
export function groupThousands(value: number): string {
  const sign = value < 0 ? '-' : '';
  const [whole, fraction] = Math.abs(value).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return sign + grouped + (fraction ? '.' + fraction : '');
}

/** `38400000` → `38,400,000원`, the form's way of writing amounts. */
export function formatWon(value: number): string {
  return `${groupThousands(Math.round(value))}원`;
}

/** Width of a string in full-width (Hangul) cells: Latin letters, digits and spaces count half. */
export function displayWidth(text: string): number {
  let narrow = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x1100) narrow++;
  return text.length - narrow / 2;
}
