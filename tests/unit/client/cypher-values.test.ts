/** The console's cell captions (issue 11, item 7): compact, with the raw value kept apart. */
import { describe, expect, it } from 'vitest';
import { CAPTION_MAX, captionOf, elementIdsOf, rawText } from '../../../client/src/state/cypher-values.js';

const node = (id: string, label: string, properties: Record<string, unknown>) => ({ elementId: id, labels: [label], properties });
const rel = (id: string, type: string, start: string, end: string, properties: Record<string, unknown> = {}) => ({
  elementId: id,
  type,
  startElementId: start,
  endElementId: end,
  properties,
});

const kim = node('n1', 'Person', { id: 'kim-il-sung', name: 'Kim Il-sung', summary: 'x'.repeat(3000) });
const pak = node('n2', 'Person', { id: 'pak-hon-yong', name: 'Pak Hon-yong' });
const south = node('n3', 'Faction', { id: 'southern', name: 'Domestic faction' });
const denounced = rel('r1', 'TIE', 'n1', 'n2', { kind: 'DENUNCIATION' });
const member = rel('r2', 'MEMBER_OF', 'n2', 'n3');

describe('console captions', () => {
  it('captions a node by name and label, a relationship by type (and kind)', () => {
    expect(captionOf(kim)).toEqual({ kind: 'node', text: 'Kim Il-sung (Person)', hasRaw: true });
    expect(captionOf(node('n9', 'Source', { id: 'lankov2002' })).text).toBe('lankov2002 (Source)');
    expect(captionOf(denounced)).toEqual({ kind: 'relationship', text: '[:TIE denunciation]', hasRaw: true });
    expect(captionOf(member).text).toBe('[:MEMBER_OF]');
  });

  it('captions a path as its walk, arrows following each relationship, with the hop count', () => {
    const path = {
      start: kim,
      segments: [
        { start: kim, relationship: denounced, end: pak },
        { start: pak, relationship: member, end: south },
      ],
    };
    expect(captionOf(path)).toEqual({
      kind: 'path',
      text: 'Kim Il-sung –[:TIE denunciation]→ Pak Hon-yong –[:MEMBER_OF]→ Domestic faction (2 hops)',
      hasRaw: true,
    });
    const back = { start: pak, segments: [{ start: pak, relationship: denounced, end: kim }] };
    expect(captionOf(back).text).toBe('Pak Hon-yong ←[:TIE denunciation]– Kim Il-sung (1 hop)');
  });

  it('keeps a long path to its ends and stays short, whatever the properties weigh', () => {
    const segments = Array.from({ length: 12 }, (_, i) => ({
      start: i % 2 === 0 ? kim : pak,
      relationship: rel(`r${i + 10}`, 'TIE', i % 2 === 0 ? 'n1' : 'n2', i % 2 === 0 ? 'n2' : 'n1'),
      end: i % 2 === 0 ? pak : kim,
    }));
    const caption = captionOf({ start: kim, segments });
    expect(caption.text).toBe('Kim Il-sung → … → Kim Il-sung (12 hops)');
    expect(caption.text.length).toBeLessThanOrEqual(CAPTION_MAX);
    expect(rawText({ start: kim, segments }).length).toBeGreaterThan(30_000);
  });

  it('shows scalars as they are, lists and maps in short, empty as empty', () => {
    expect(captionOf('1956-08-30')).toEqual({ kind: 'scalar', text: '1956-08-30', hasRaw: false });
    expect(captionOf(42).text).toBe('42');
    expect(captionOf(null)).toEqual({ kind: 'empty', text: '', hasRaw: false });
    expect(captionOf([kim, pak])).toMatchObject({ kind: 'list', text: '[Kim Il-sung, Pak Hon-yong]', hasRaw: true });
    expect(captionOf(['a', 'b'])).toEqual({ kind: 'list', text: '["a", "b"]', hasRaw: false });
    expect(captionOf({ name: 'Kim', n: 3 })).toMatchObject({ kind: 'map', text: '{name: "Kim", n: 3}' });
    const long = 'y'.repeat(500);
    expect(captionOf(long)).toMatchObject({ hasRaw: true });
    expect(captionOf(long).text.length).toBe(CAPTION_MAX);
  });

  it('collects the element ids in a value, for picking out a row in the drawing', () => {
    const path = { start: kim, segments: [{ start: kim, relationship: denounced, end: pak }] };
    expect([...elementIdsOf([path, { f: south }, 'text'])].sort()).toEqual(['n1', 'n2', 'n3', 'r1']);
  });
});
