/**
 * Name normalisation for alias-aware search. A researcher may type any romanization with or
 * without hyphens, diacritics or apostrophes; these keys make such forms compare equal.
 */

/** "Pak Hŏn-yŏng" -> "pak hon yong"; Hangul and Hanja pass through unchanged (minus spaces). */
export function normalizeName(form: string): string {
  return form
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`ʼʻ"“”]/g, '')
    .replace(/[-‐‑–—_.,()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Spaceless key: "Pak Hon-yong", "Pak Hon Yong" and "PakHonyong" share "pakhonyong". */
export function compactName(form: string): string {
  return normalizeName(form).replace(/\s+/g, '');
}

/** Every distinct search key for a person's name forms. */
export function searchKeys(forms: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const form of forms) {
    if (form.trim() === '') continue;
    keys.add(normalizeName(form));
    keys.add(compactName(form));
  }
  return [...keys];
}
