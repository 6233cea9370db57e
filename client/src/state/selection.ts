/** The selected person, and the view mode the app is in. */
export type Mode = 'network' | 'chain' | 'compare';

export interface Selection {
  readonly personId: string | null;
  readonly mode: Mode;
}

export const NO_SELECTION: Selection = { personId: null, mode: 'network' };

export function select(s: Selection, personId: string | null): Selection {
  // Dropping the person leaves chain mode: a chain needs someone to follow.
  if (personId === null) return { personId: null, mode: s.mode === 'chain' ? 'network' : s.mode };
  return { ...s, personId };
}

export function setMode(s: Selection, mode: Mode): Selection {
  if (mode === 'chain' && s.personId === null) return s;
  return { ...s, mode };
}
