// `node scripts/icon.mjs`: draws images/icon.png, the 128×128 Marketplace icon — a strip of
// five-track teleprinter tape, the medium cables travelled on, punched with CABLE in ITA2
// (Baudot) code, cream on State Department navy. Drawn with 4×4 supersampling for smooth edges
// and encoded as a PNG with node's zlib, so the icon needs no image tool and can be redrawn.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SIZE = 128;
const SAMPLES = 4;
const NAVY = [0x1f, 0x3a, 0x5f];
const CREAM = [0xf4, 0xeb, 0xd0];

// ITA2 letters, track 1 first; the blank columns at the ends carry only feed holes.
const ITA2 = { C: '01110', A: '11000', B: '10011', L: '01001', E: '10000', ' ': '00000' };
const COLUMNS = [' ', 'C', 'A', 'B', 'L', 'E', ' '].map((c) => ITA2[c]);
const PITCH = 15;
const FIRST_X = (SIZE - (COLUMNS.length - 1) * PITCH) / 2;
// Six evenly spaced rows centred on the tape: two data tracks, the smaller feed (sprocket) track, three data tracks.
const ROW = (k) => SIZE / 2 + (k - 2.5) * 11;
const TRACKS_Y = [ROW(0), ROW(1), ROW(3), ROW(4), ROW(5)];
const FEED_Y = ROW(2);
const TAPE = { top: ROW(0) - 9, bottom: ROW(5) + 9 };

/** Which colour the point (x, y) of the icon has, or null outside the rounded square. */
function colourAt(x, y) {
  if (!insideRoundedSquare(x, y, 22)) return null;
  if (y < TAPE.top || y > TAPE.bottom) return NAVY;
  for (let i = 0; i < COLUMNS.length; i++) {
    const cx = FIRST_X + i * PITCH;
    if (Math.hypot(x - cx, y - FEED_Y) <= 2.4) return NAVY;
    for (let t = 0; t < 5; t++) {
      if (COLUMNS[i][t] === '1' && Math.hypot(x - cx, y - TRACKS_Y[t]) <= 4.4) return NAVY;
    }
  }
  return CREAM;
}

function insideRoundedSquare(x, y, radius) {
  const dx = Math.max(radius - x, 0, x - (SIZE - radius));
  const dy = Math.max(radius - y, 0, y - (SIZE - radius));
  return dx * dx + dy * dy <= radius * radius;
}

function pixels() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          covered++;
        }
      }
      const o = (py * SIZE + px) * 4;
      if (covered > 0) {
        rgba[o] = Math.round(r / covered);
        rgba[o + 1] = Math.round(g / covered);
        rgba[o + 2] = Math.round(b / covered);
      }
      rgba[o + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function iconPng() {
  const rgba = pixels();
  // Each scanline starts with filter type 0 (none).
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.join(root, 'images', 'icon.png');
  mkdirSync(path.dirname(out), { recursive: true });
  const png = iconPng();
  writeFileSync(out, png);
  console.log(`${path.relative(root, out)}: ${SIZE}×${SIZE}, ${png.length} bytes`);
}
