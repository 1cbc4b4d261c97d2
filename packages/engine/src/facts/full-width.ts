/**
 * Full-width number characters in fact values. Chinese input methods often type ９５％, １２，３４５．６ or
 * －３; a fact reader turns exactly these characters into their ASCII forms (Unicode NFKC of each one) before
 * its usual strict parse, and nothing else: 九十五, "95 %" with a space inside, or "1e3" stay unreadable.
 */

/** The full-width digits ０–９, full stop ．, comma ，, percent sign ％ and hyphen-minus －. */
const FULL_WIDTH_NUMBER = /[０-９．，％－]/g;
const HAS_FULL_WIDTH = /[０-９．，％－]/;

/**
 * The text with full-width digits, ．，％ and － in their ASCII forms (NFKC of these characters only):
 * "９５％" → "95%", "１２，３４５．６" → "12,345.6", "－３" → "-3". Other characters are kept as written;
 * a text without any of these characters is returned as is (no copy).
 */
export function halfWidthNumber(text: string): string {
  return HAS_FULL_WIDTH.test(text) ? text.replace(FULL_WIDTH_NUMBER, (c) => c.normalize('NFKC')) : text;
}
