import { describe, expect, it } from 'vitest';
import { phoneticName, searchKeys } from '../../../server/src/domain/names.js';
import { editDistance, exactKeys, luceneQuery, matchForm, rankCandidates } from '../../../server/src/domain/search.js';

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
