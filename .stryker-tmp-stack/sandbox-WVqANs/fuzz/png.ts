// @ts-nocheck
// Small valid PNGs (one colour, RGBA, built with node:zlib): the fuzz seeds and the CLI tests' images share this writer.
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Uint8Array): Buffer {
  const b = Buffer.alloc(12 + data.length);
  b.writeUInt32BE(data.length, 0);
  b.write(type, 4, 'latin1');
  Buffer.from(data).copy(b, 8);
  b.writeUInt32BE(crc32(b.subarray(4, 8 + data.length)), 8 + data.length);
  return b;
}

/** A `width`×`height` RGBA PNG (IHDR, IDAT, IEND) of one colour. */
export function solidPng(width: number, height: number, rgba: readonly [number, number, number, number]): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const row = 1 + width * 4;
  const raw = Buffer.alloc(height * row);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw.set(rgba, y * row + 1 + x * 4); // filter byte 0
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]));
}

/** The fuzz seed: 2×2, every byte 0x7f. */
export function makePngForFuzz(): Uint8Array {
  return solidPng(2, 2, [0x7f, 0x7f, 0x7f, 0x7f]);
}
