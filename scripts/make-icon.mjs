#!/usr/bin/env node
/**
 * Draws media/icon.png (128×128, the Marketplace/extension icon) without any image library:
 * a plan sheet with a GPU chip on a blue tile. Shapes are rasterised with 4×4 supersampling and
 * written as an RGBA PNG with node:zlib. Run `node scripts/make-icon.mjs` after changing it.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 128;
const SS = 4;

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);

/** Inside test of a rounded rectangle. */
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const and =
  (...fs) =>
  (x, y) =>
    fs.every((f) => f(x, y));
const not = (f) => (x, y) => !f(x, y);
/** Half-plane below the line through (ax, ay) → (bx, by) (left of the direction). */
const below = (ax, ay, bx, by) => (x, y) => (bx - ax) * (y - ay) - (by - ay) * (x - ax) >= 0;

const FOLD = 20;
const sheet = { x0: 28, y0: 14, x1: 100, y1: 114 };
const layers = [
  // Tile with a vertical gradient.
  { shape: roundRect(0, 0, SIZE, SIZE, 26), color: (_x, y) => mix(hex('#17325E'), hex('#2A6BB5'), y / SIZE) },
  // Sheet shadow, then the sheet with its top-right corner cut.
  {
    shape: and(
      roundRect(sheet.x0 + 2, sheet.y0 + 3, sheet.x1 + 2, sheet.y1 + 3, 7),
      below(sheet.x1 - FOLD + 2, sheet.y0 + 3, sheet.x1 + 2, sheet.y0 + FOLD + 3),
    ),
    color: () => hex('#0E2244'),
    alpha: 0.35,
  },
  {
    shape: and(roundRect(sheet.x0, sheet.y0, sheet.x1, sheet.y1, 7), below(sheet.x1 - FOLD, sheet.y0, sheet.x1, sheet.y0 + FOLD)),
    color: () => hex('#F6F8FC'),
  },
  // The folded corner.
  {
    shape: and(
      not(below(sheet.x1 - FOLD, sheet.y0, sheet.x1, sheet.y0 + FOLD)),
      (x, y) => x <= sheet.x1 && y >= sheet.y0,
      roundRect(sheet.x1 - FOLD, sheet.y0, sheet.x1, sheet.y0 + FOLD, 3),
    ),
    color: () => hex('#C3D2E8'),
  },
  // Lines of text.
  { shape: roundRect(38, 27, 70, 32, 2.5), color: () => hex('#2A6BB5') },
  { shape: roundRect(38, 37, 86, 41, 2), color: () => hex('#A9BCD8') },
  { shape: roundRect(38, 45, 80, 49, 2), color: () => hex('#A9BCD8') },
  // GPU chip: pins, package, die.
  ...[0, 1, 2, 3].flatMap((i) => {
    const p = 53 + i * 8;
    const pin = hex('#1C7A6F');
    return [
      { shape: roundRect(p, 56, p + 4, 64, 1), color: () => pin },
      { shape: roundRect(p, 96, p + 4, 104, 1), color: () => pin },
      { shape: roundRect(36, p + 13, 44, p + 17, 1), color: () => pin },
      { shape: roundRect(92, p + 13, 100, p + 17, 1), color: () => pin },
    ];
  }),
  { shape: roundRect(42, 62, 94, 98, 6), color: () => hex('#1C7A6F') },
  { shape: roundRect(52, 70, 84, 90, 3), color: (x, y) => mix(hex('#3FD0BC'), hex('#27A896'), (x + y - 122) / 52) },
  { shape: roundRect(56, 74, 61, 79, 1), color: () => hex('#E9FFFB'), alpha: 0.85 },
];

const pixels = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const x = px + (sx + 0.5) / SS;
        const y = py + (sy + 0.5) / SS;
        // Composite the layers at this sample (premultiplied "over").
        let cr = 0;
        let cg = 0;
        let cb = 0;
        let ca = 0;
        for (const layer of layers) {
          if (!layer.shape(x, y)) continue;
          const [lr, lg, lb] = layer.color(x, y);
          const la = layer.alpha ?? 1;
          cr = lr * la + cr * (1 - la);
          cg = lg * la + cg * (1 - la);
          cb = lb * la + cb * (1 - la);
          ca = la + ca * (1 - la);
        }
        r += cr;
        g += cg;
        b += cb;
        a += ca;
      }
    }
    const n = SS * SS;
    const i = (py * SIZE + px) * 4;
    const alpha = a / n;
    // Un-premultiply for PNG's straight alpha.
    pixels[i] = alpha ? Math.round(r / n / alpha) : 0;
    pixels[i + 1] = alpha ? Math.round(g / n / alpha) : 0;
    pixels[i + 2] = alpha ? Math.round(b / n / alpha) : 0;
    pixels[i + 3] = Math.round(alpha * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8;
ihdr[9] = 6;
ihdr[10] = 0;
ihdr[11] = 0;
ihdr[12] = 0; // 8-bit RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(ROOT, 'media', 'icon.png');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png);
console.log(`wrote ${path.relative(ROOT, out)} (${png.length} bytes)`);
