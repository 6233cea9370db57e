/**
 * Name normalisation for alias-aware search. A researcher may type any romanization with or
 * without hyphens, diacritics or apostrophes; these keys make such forms compare equal.
 */

/** "Pak Hŏn-yŏng" -> "pak hon yong"; Hangul and Hanja pass through unchanged (minus spaces). */
export function normalizeName(form: string): string {
  return form
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
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

/**
 * Rewrites applied to each romanized name token, in order. They fold the systems a researcher
 * meets (McCune-Reischauer, Revised Romanization, DPRK, Russian-document transcriptions) onto
 * one skeleton: RR vowels eo/eu -> o/u; aspirates and voicing (b/p, d/t, g/k, j/ch) merge; the
 * Russian "kh" for h and "r" for final l fold back ("Pkhir-giu" ~ "Pil-gyu").
 */
const TOKEN_REWRITES: readonly (readonly [RegExp, string])[] = [
  [/pkh/g, 'p'],
  [/tkh/g, 't'],
  [/kkh/g, 'k'],
  [/kh/g, 'h'],
  [/(?<=[ptkc])h/g, ''],
  [/tch|tsh|ch|j|ts/g, 'c'],
  [/sh/g, 's'],
  [/eo|ŏ/g, 'o'],
  [/eu|ŭ/g, 'u'],
  [/oi/g, 'oe'],
  [/wo/g, 'o'],
  [/(?<=[^aeiouy]|^)iu/g, 'yu'],
  [/(?<=[^aeiouy]|^)io/g, 'yo'],
  [/(?<=[^aeiouy]|^)ia/g, 'ya'],
  [/b/g, 'p'],
  [/d/g, 't'],
  [/g(?!$)/g, 'k'],
  [/r/g, 'l'],
  [/(.)\1+/g, '$1'],
];

/** Surname variants with the initial r/n that the South drops: Ri/Li/Yi/Lee/I, Ryu/Yu, Rim/Im, Ro/No. */
const INITIAL_LIQUID = /^(?:l|n)(?=[iy])/;
const SURNAME_FOLDS: Readonly<Record<string, string>> = { lee: 'i', yi: 'i', rhee: 'i', lhee: 'i', lo: 'no', choi: 'choe' };

function phoneticToken(token: string): string {
  if (!/^[a-z0-9]+$/.test(token)) return token; // Hangul, Hanja, Cyrillic: left as normalised
  let out = SURNAME_FOLDS[token] ?? token;
  for (const [pattern, replacement] of TOKEN_REWRITES) out = out.replace(pattern, replacement);
  out = out.replace(INITIAL_LIQUID, '');
  if (out === 'yi') out = 'i';
  return out === '' ? token : out;
}

/** Spaced skeleton of a romanized name: "Bak Heon-yeong" and "Pak Hŏn-yŏng" -> "pak hon yong". */
export function phoneticName(form: string): string {
  return normalizeName(form).split(' ').filter(Boolean).map(phoneticToken).join(' ');
}

/** Every distinct search key for a person's name forms. */
export function searchKeys(forms: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const form of forms) {
    if (form.trim() === '') continue;
    keys.add(normalizeName(form));
    keys.add(compactName(form));
    const phonetic = phoneticName(form);
    keys.add(phonetic);
    keys.add(phonetic.replace(/\s+/g, ''));
  }
  return [...keys];
}
