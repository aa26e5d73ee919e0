/**
 * The short reference a customer quotes and an agent searches for (KB-7F3Q2): the request's row id, scrambled
 * into Crockford base-32 so consecutive requests do not read as a counter. A bijection of the id, so two
 * requests never share one and no column or lookup is needed; 5 characters cover the first 33 million requests.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford: no I, L, O or U to misread
const MIN_CHARS = 5;

/** x ↦ x·a mod 2^bits, then an xorshift: both invertible within `bits` bits, so the whole map is a permutation. */
function scramble(x: number, bits: number): number {
  const mask = bits === 32 ? 0xffffffff : (1 << bits) - 1;
  let v = x;
  for (const a of [0x2f6b3a5d, 0x1b873593]) {
    v = (Math.imul(v, a) >>> 0) & mask;
    v = (v ^ (v >>> Math.ceil(bits / 2))) >>> 0;
  }
  return v;
}

export function contactReference(id: number): string {
  if (!Number.isSafeInteger(id) || id < 0) throw new RangeError(`a contact request id is a whole number, got ${id}`);
  let chars = MIN_CHARS;
  while (id >= 2 ** (5 * chars)) chars++;
  // Scrambling fits 32-bit math up to 6 characters (30 bits); beyond a billion requests the id is written plainly.
  let v = chars <= 6 ? scramble(id, 5 * chars) : id;
  let out = '';
  for (let i = 0; i < chars; i++) {
    out = ALPHABET[v % 32]! + out;
    v = Math.floor(v / 32);
  }
  return `KB-${out}`;
}

const REFERENCE = /^KB-[0-9A-HJKMNP-TV-Z]{5,12}$/;

/** True for text shaped like a reference (what the confirmation page agrees to show). */
export const isContactReference = (text: string) => REFERENCE.test(text);
