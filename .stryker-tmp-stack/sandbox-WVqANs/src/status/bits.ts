// @ts-nocheck
import { StatusListError } from '../errors.js';

function checkIndex(bits: Uint8Array, index: number): void {
  if (!(bits instanceof Uint8Array)) throw new StatusListError('ERR_INVALID_INPUT', 'bits must be a Uint8Array');
  if (!Number.isSafeInteger(index) || index < 0 || index >= bits.length * 8) {
    throw new StatusListError('ERR_STATUS_INDEX_OUT_OF_RANGE', `index ${index} is outside the bitstring (0 … ${bits.length * 8 - 1})`, {
      details: { index, length: bits.length * 8 },
    });
  }
}

/**
 * Read one bit. Index 0 is the **left-most** (most significant) bit of the first byte (W3C Bitstring Status List
 * v1.0 §7.1). Throws {@link StatusListError} `ERR_STATUS_INDEX_OUT_OF_RANGE` outside the bitstring.
 * @example
 * ```ts
 * getBit(new Uint8Array([0b1000_0000]), 0); // true
 * getBit(new Uint8Array([0b1000_0000]), 7); // false
 * ```
 */
export function getBit(bits: Uint8Array, index: number): boolean {
  checkIndex(bits, index);
  return ((bits[Math.floor(index / 8)]! >> (7 - (index % 8))) & 1) === 1;
}

/**
 * Set or clear one bit in place (index 0 = left-most bit of the first byte).
 * Throws {@link StatusListError} `ERR_STATUS_INDEX_OUT_OF_RANGE` outside the bitstring.
 * @example
 * ```ts
 * const bits = new Uint8Array(2);
 * setBit(bits, 9, true); // bits = [0x00, 0x40]
 * ```
 */
export function setBit(bits: Uint8Array, index: number, value: boolean): void {
  checkIndex(bits, index);
  const byte = Math.floor(index / 8);
  const mask = 0x80 >> (index % 8);
  bits[byte] = value ? bits[byte]! | mask : bits[byte]! & ~mask;
}

/**
 * @internal Read `size` bits (1–8, most significant first) starting at bit `index * size`: the status value of an
 * entry with `statusSize` = size.
 */
export function getStatusValue(bits: Uint8Array, index: number, size: number): number {
  let v = 0;
  const start = index * size;
  for (let i = 0; i < size; i++) v = (v << 1) | (getBit(bits, start + i) ? 1 : 0);
  return v;
}
