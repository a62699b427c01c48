// @ts-nocheck
import type { Image } from './types.js';
import { fail, isPlainObject, isUri } from './util.js';

/**
 * Normalise an image given as a URL / data URI string or an {@link Image} object into an OB 3.0 `Image`.
 * @throws InvalidInputError when the id is not an absolute URI or data URI
 * @example
 * ```ts
 * imageOf('https://uni.example/badges/ai.png'); // { id: 'https://uni.example/badges/ai.png', type: 'Image' }
 * ```
 */
export function imageOf(value: string | Image, path = 'image'): Image {
  const obj: { id?: unknown; caption?: unknown } = typeof value === 'string' ? { id: value } : value;
  if (!isPlainObject(obj) || !isUri(obj.id)) fail(path, 'expected an image URL or data URI (or { id, caption })', 'URI');
  const image: Image = { id: obj.id, type: 'Image' };
  if (obj.caption !== undefined) {
    if (typeof obj.caption !== 'string') fail(`${path}.caption`, 'expected a string', 'string');
    image.caption = obj.caption;
  }
  return image;
}
