// Draws Chime's toolbar icons (a blue disc with a white "C" and a dot) as
// PNGs, so that no image editor or binary source is needed. Run once:
//   node extension/icons/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BLUE = [29, 155, 240];

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// Coverage of one point: 0 outside, 1 = disc, 2 = white mark.
function shade(x, y) {
  const r = Math.hypot(x, y);
  if (r > 1) return 0;
  const angle = Math.atan2(y, x);
  const inRing = r > 0.38 && r < 0.62 && Math.abs(angle) > 0.75;  // the "C", open to the right
  const inDot = Math.hypot(x - 0.5, y) < 0.12;
  return inRing || inDot ? 2 : 1;
}

function png(size) {
  const samples = 4;
  const rows = [];
  for (let py = 0; py < size; py += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px += 1) {
      let disc = 0;
      let mark = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const x = ((px + (sx + 0.5) / samples) / size) * 2 - 1;
          const y = ((py + (sy + 0.5) / samples) / size) * 2 - 1;
          const s = shade(x, y);
          if (s >= 1) disc += 1;
          if (s === 2) mark += 1;
        }
      }
      const n = samples * samples;
      const white = disc ? mark / disc : 0;
      const o = 1 + px * 4;
      for (let c = 0; c < 3; c += 1) row[o + c] = Math.round(BLUE[c] * (1 - white) + 255 * white);
      row[o + 3] = Math.round((255 * disc) / n);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);  // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

for (const size of [16, 32, 48, 128]) fs.writeFileSync(path.join(here, `chime-${size}.png`), png(size));
