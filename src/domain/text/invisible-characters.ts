/**
 * Characters that change how text reads without being seen: bidi overrides and isolates (U+202E turns
 * "SMITH" into what looks like "HTIMS"), zero-width spaces and joiners, the BOM, soft hyphens, C0 and
 * C1 controls, line and paragraph separators. In identity fields (name, MRN, birth date, sex) a clinician
 * must see exactly what the record holds, so these are replaced by a visible `⟨U+202E⟩`.
 *
 * The set is Unicode's own: general categories Cc (controls), Cf (format), Zl and Zp (separators), plus
 * Default_Ignorable_Code_Point (e.g. the Hangul fillers U+115F/U+3164, which render as nothing). Variation
 * selectors are left alone: they only pick a glyph variant of the character before them (CJK names and
 * emoji use them) and cannot hide or reorder anything.
 */
const INVISIBLE =
  /(?![\uFE00-\uFE0F\u{E0100}-\u{E01EF}])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;

/** Whether any character of `text` would be invisible or rearrange the text around it. */
export function hasInvisibleCharacters(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(text);
  INVISIBLE.lastIndex = 0;
  return found;
}

/** `text` with each invisible character written as its code point: "A\u202EB" → "A⟨U+202E⟩B". */
export function revealInvisibleCharacters(text: string): string {
  return text.replace(INVISIBLE, (character) => `⟨${codePointLabel(character)}⟩`);
}

/** "U+202E", "U+0007", "U+E0001": at least four hex digits, as the Unicode standard writes them. */
export function codePointLabel(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The distinct invisible characters of `text`, labelled, for an explanation ("U+202E, U+200B"). */
export function invisibleCharactersIn(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(INVISIBLE), (match) => codePointLabel(match[0])))];
}
