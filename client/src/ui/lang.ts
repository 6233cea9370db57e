/**
 * Korean name forms carry lang="ko" wherever they are shown, so screen readers switch voice and
 * browsers pick Korean glyph forms. Hanja in these names is Korean usage too, hence "ko" for both.
 */
import { h } from './dom.js';

const KOREAN = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;

export function langOf(text: string): 'ko' | undefined {
  return KOREAN.test(text) ? 'ko' : undefined;
}

/** A span in lang="ko" (with a leading space when `spaced`), or null for a missing name form. */
export function koreanSpan(text: string | null, spaced = true, className = 'names'): HTMLSpanElement | null {
  if (text === null || text === '') return null;
  return h('span', { lang: 'ko', class: className }, spaced ? ` ${text}` : text);
}
