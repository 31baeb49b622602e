/**
 * Orders two strings by UTF-16 code units, as `Array.prototype.sort()` and RFC 8785 do.
 *
 * Use it wherever the order ends up in stored or hashed bytes. `localeCompare` follows the
 * machine's locale and ICU version (Danish puts "aa" after "z"; case and punctuation move between
 * collations), so two offices would write different bytes for the same evidence.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
