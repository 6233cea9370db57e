import { describe, expect, it } from 'vitest';
import { phoneticName, searchKeys } from '../../../server/src/domain/names.js';
import {
  editDistance,
  exactKeys,
  exactLuceneQuery,
  luceneQuery,
  matchForm,
  prefixCheck,
  rankCandidates,
  searchParams,
} from '../../../server/src/domain/search.js';

const pak = { id: 'pak-hon-yong', name: 'Pak Hon-yong', forms: ['Pak Hon-yong', 'Pak Hŏn-yŏng', 'Pak Hon Yong', 'Bak Heon-yeong', '박헌영', '朴憲永'] };
const ri = { id: 'ri-pil-gyu', name: 'Ri Pil-gyu', forms: ['Ri Pil-gyu', 'Li Pkhir-giu'] };
const pakChang = { id: 'pak-chang-ok', name: 'Pak Chang-ok', forms: ['Pak Chang-ok'] };
const people = [pakChang, ri, pak];

describe('romanization skeleton', () => {
  it.each([
    ['Pak Hŏn-yŏng', 'Bak Heon-yeong'],
    ['Ri Pil-gyu', 'Yi Pil-gyu'],
    ['Ri Pil-gyu', 'Li Pkhir-giu'],
    ["Ch'oe Ch'ang-ik", 'Choi Chang-ik'],
    ['Pak Chong-ae', 'Pak Jeong-ae'],
    ['Kim Tu-bong', 'Kim Du-bong'],
    ['Ryu Chin', 'Yu Jin'],
  ])('%s ~ %s', (a, b) => expect(phoneticName(a)).toBe(phoneticName(b)));

  it('keeps Hangul and Hanja as written', () => {
    expect(phoneticName('박헌영')).toBe('박헌영');
    expect(searchKeys(['朴憲永'])).toContain('朴憲永');
  });
  it('gives the seed loader the phonetic keys', () => {
    expect(searchKeys(['Bak Heon-yeong'])).toEqual(expect.arrayContaining(['bak heon yeong', 'bakheonyeong', 'pak hon yong', 'pakhonyong']));
  });
});

describe('ranking', () => {
  it.each(['Pak Hon Yong', 'Pak Hŏn-yŏng', 'Bak Heon-yeong', 'pakhonyong', '박헌영', '朴憲永', 'Yong Pak Hon'])('"%s" finds Pak Hon-yong first', (text) => {
    expect(rankCandidates(text, people, 3)[0]?.candidate.id).toBe('pak-hon-yong');
  });
  it('finds the Soviet-document spelling', () => {
    expect(rankCandidates('Li Pkhir-giu', people, 3)[0]).toMatchObject({ candidate: { id: 'ri-pil-gyu' }, how: 'EXACT', score: 1 });
    expect(rankCandidates('Yi Pil-kyu', people, 3)[0]?.candidate.id).toBe('ri-pil-gyu');
  });
  it('tolerates small typos but ranks them below exact matches', () => {
    const [typo] = rankCandidates('Pak Hon Yogn', people, 3);
    expect(typo).toMatchObject({ candidate: { id: 'pak-hon-yong' }, how: 'FUZZY' });
    expect(typo!.score).toBeLessThan(0.9);
  });
  it('a surname alone is a prefix match for everyone with it', () => {
    const ids = rankCandidates('Pak', people, 5).map((r) => r.candidate.id);
    expect(ids).toEqual(expect.arrayContaining(['pak-hon-yong', 'pak-chang-ok']));
    expect(ids).not.toContain('ri-pil-gyu');
  });
  it('drops unrelated names', () => {
    expect(rankCandidates('Stalin', people, 5)).toEqual([]);
    expect(matchForm('Kim', 'Pak Hon-yong')).toBeNull();
  });
  it('reports the form typed', () => {
    expect(rankCandidates('Pak Hŏn-yŏng', people, 1)[0]?.form).toBe('Pak Hŏn-yŏng');
  });
  it('edit distance counts a transposition as one edit', () => {
    expect(editDistance('yogn', 'yong')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3); // optimal string alignment, not full Damerau
    expect(editDistance('朴憲永', '朴憲')).toBe(1);
    // With a bound it stops early and says only "more than that".
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abcdefgh', 'hgfedcba', 2)).toBe(3);
  });
});

describe('ranking: whole tokens, joined syllables and prominence', () => {
  const kims = [
    { id: 'kim-il', name: 'Kim Il', forms: ['Kim Il'], prominence: 12 },
    { id: 'kim-kang', name: 'Kim Kang', forms: ['Kim Kang'], prominence: 5 },
    { id: 'kim-il-sung', name: 'Kim Il-sung', forms: ['Kim Il-sung', 'Kim Il Sung', '김일성'], prominence: 80 },
    { id: 'kim-tu-bong', name: 'Kim Tu-bong', forms: ['Kim Tu-bong', 'Kim Du-bong'], prominence: 30 },
    { id: 'pak-kim', name: 'Pak Kimsong', forms: ['Pak Kimsong'], prominence: 200 },
  ];
  it('a whole-token match does not depend on the length of the rest of the name; prominence breaks the tie', () => {
    const ranked = rankCandidates('Kim', kims, 5);
    expect(ranked.map((r) => r.candidate.id)).toEqual(['kim-il-sung', 'kim-tu-bong', 'kim-il', 'kim-kang', 'pak-kim']);
    expect(ranked[0]!.score).toBe(ranked[3]!.score);
    // "Kimsong" only begins with the typed word: a prefix, below every whole-word match however prominent.
    expect(ranked[4]).toMatchObject({ how: 'PREFIX' });
    expect(ranked[4]!.score).toBeLessThan(ranked[3]!.score);
  });
  it('an exact name still beats a more prominent longer one', () => {
    expect(rankCandidates('Kim Il', kims, 2).map((r) => r.candidate.id)).toEqual(['kim-il', 'kim-il-sung']);
  });
  it("typed words in the name's order rank above the same words out of order", () => {
    const people = [
      { id: 'a', name: 'Hwang Hyop-song', forms: ['Hwang Hyop-song 3'], prominence: 50 },
      { id: 'b', name: 'Hwang Song-hyop', forms: ['Hwang Song-hyop 7'], prominence: 1 },
    ];
    expect(rankCandidates('Hwang Song-hyop', people, 2).map((r) => r.candidate.id)).toEqual(['b', 'a']);
  });
  const riSangJo = { id: 'ri-sang-jo', name: 'Ri Sang-jo', forms: ['Ri Sang-jo', 'Lee Sang-jo', 'I Sang-jo'] };
  const kimSangjo = { id: 'kim-sangjo', name: 'Kim Sangjo', forms: ['Kim Sangjo'] };
  it('joined syllables find the hyphenated name as well as the hyphenated form does', () => {
    const joined = rankCandidates('Sangjo', [riSangJo], 1)[0];
    const hyphenated = rankCandidates('Sang-jo', [riSangJo], 1)[0];
    expect(joined).toMatchObject({ candidate: { id: 'ri-sang-jo' }, how: 'PREFIX' });
    expect(joined!.score).toBe(hyphenated!.score);
    expect(rankCandidates('Ri Sangjo', [riSangJo], 1)[0]).toMatchObject({ how: 'EXACT', score: 1 });
    expect(rankCandidates('Sangcho Lee', [riSangJo], 1)[0]).toMatchObject({ how: 'EXACT', score: 0.9 });
  });
  it('and the other way round: words typed apart find a name stored joined', () => {
    expect(rankCandidates('Sang jo', [kimSangjo], 1)[0]).toMatchObject({ candidate: { id: 'kim-sangjo' }, how: 'PREFIX', score: 0.85 });
    expect(rankCandidates('Sang', [kimSangjo], 1)[0]?.how).toBe('PREFIX');
    expect(matchForm('Sang bo', 'Kim Sangjo')).toBeNull();
  });
  it('every name holding all typed words ranks above every typo match', () => {
    const prefix = matchForm('Pak Hon', 'Pak Hon-yong-chol-extra');
    const typo = matchForm('Pak Hon-yogn', 'Pak Hon-yong');
    expect(prefix?.how).toBe('PREFIX');
    expect(typo?.how).toBe('FUZZY');
    expect(typo!.score).toBeLessThan(prefix!.score);
    expect(typo!.score).toBeLessThan(0.6);
  });
});

describe('lucene query', () => {
  it('passes only letters and digits to Lucene', () => {
    const query = luceneQuery('Pak" OR *:* AND (x) Hon~');
    expect(query).not.toMatch(/[":()]/);
    expect(query).not.toMatch(/\*:\*/);
  });
  it('has fuzzy terms and a prefix for the last word', () => {
    expect(luceneQuery('Pak Hon')).toMatch(/pak~1/);
    expect(luceneQuery('Pak Hon')).toMatch(/hon\*/);
    expect(luceneQuery('---')).toBe('');
  });
  it('exact keys include the phonetic skeleton', () => {
    expect(exactKeys('Bak Heon-yeong')).toEqual(expect.arrayContaining(['pakhonyong']));
  });
});

describe('exact lucene query (the first pass)', () => {
  it('has no fuzzy terms, requires every word and lets the last one be a prefix', () => {
    const query = exactLuceneQuery('Pak Hon');
    expect(query).not.toMatch(/~/);
    expect(query).toContain('+(pak)');
    expect(query).toMatch(/\+\(hon OR [^)]*hon\*\)/);
    expect(query).toContain('pakhon');
    expect(exactLuceneQuery('Pak Ok-i')).toMatch(/\+\(i OR i\*\)/);
    expect(exactLuceneQuery('K')).not.toContain('*');
  });
  it('splits joined syllables into phrases, also as skeletons', () => {
    const query = exactLuceneQuery('Sangjo');
    expect(query).toContain('"sang jo"');
    expect(query).toContain('"sang co"');
    // Each part must hold a vowel to be a syllable.
    expect(query).not.toContain('"s angjo"');
  });
  it('quotes Hangul and Hanja so the index analyser splits Hanja into characters', () => {
    expect(exactLuceneQuery('朴憲永')).toContain('"朴憲永"');
    expect(exactLuceneQuery('박헌영')).toContain('"박헌영"');
    expect(exactLuceneQuery('박헌')).toContain('박헌*'); // syllables typed so far
    expect(exactLuceneQuery('朴憲')).not.toContain('*'); // Hanja is indexed a character at a time: the phrase does it
  });
  it('passes only letters, digits and its own quotes and operators to Lucene', () => {
    const query = exactLuceneQuery('Pak" OR *:* AND (x) Hon~ \\ "');
    expect(query.replace(/"[\p{L}\p{N} ]+"/gu, '').replace(/ OR |[+()*]/g, ' ')).toMatch(/^[\p{L}\p{N} ]*$/u);
    expect(query).not.toMatch(/\bAND\b|\*:\*|~/);
    expect(exactLuceneQuery('---')).toBe('');
  });
  it('stays small for long or repetitive texts (each word once, at most 8; no fuzzy term past 24 letters)', () => {
    expect(exactLuceneQuery('kim kim kim il').match(/\+\(kim/g)).toHaveLength(1);
    expect(exactLuceneQuery(Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')).match(/\+\(/g)).toHaveLength(8);
    expect(luceneQuery('a'.repeat(30))).not.toMatch(/~/);
    expect(luceneQuery('Pak Hon-yong')).toMatch(/pakhonyong~2/);
  });
  it('keeps the unfinished last word last when words repeat', () => {
    expect(exactLuceneQuery('Sin Ok-Sin')).toMatch(/\+\(ok\) \+\(sin [^)]*sin\*/);
  });
  it('asks the database to check distinct words when the last word begins another typed word', () => {
    expect(prefixCheck('Sin Ok-Si')).toEqual({ prefix: 'si', words: 2 });
    expect(prefixCheck('Kim Il-K')).toEqual({ prefix: 'k', words: 2 });
    expect(prefixCheck('Sin Ok-Sin')).toEqual({ prefix: 'sin', words: 2 });
    expect(prefixCheck('Sin Ok-Su')).toBeNull();
    expect(prefixCheck('Sin')).toBeNull();
    expect(searchParams('Sin Ok-Si', 10)).toMatchObject({ prefix: 'si', prefixWords: 2, pool: 1000, candidates: 50 });
    expect(searchParams('Sin Ok-Su', 10)).toMatchObject({ prefix: null, pool: 50 });
  });
  it('search parameters: fuzzy only below the limit asked for, at least 50 candidates', () => {
    expect(searchParams('Pak', 10)).toMatchObject({ enough: 10, candidates: 50 });
    expect(searchParams('Pak', 30)).toMatchObject({ enough: 30, candidates: 150 });
    // Both passes look only in the normalised keys (one fuzzy automaton per term, not five).
    expect(searchParams('Pak', 10)?.fuzzy).toBe(`searchKeys:(${luceneQuery('Pak')})`);
    expect(searchParams('Pak', 10)?.exact).toBe(`searchKeys:(${exactLuceneQuery('Pak')})`);
    expect(searchParams('"()', 10)).toBeNull();
  });
});
