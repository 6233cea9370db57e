/** The selected person or open event, and the view mode the app is in. */
export type Mode = 'network' | 'chain' | 'compare';

export interface Selection {
  readonly personId: string | null;
  /** The event whose panel is open; a person and an event are never open at once. */
  readonly eventId: string | null;
  readonly mode: Mode;
}

export const NO_SELECTION: Selection = { personId: null, eventId: null, mode: 'network' };

export function select(s: Selection, personId: string | null): Selection {
  // Dropping the person leaves chain mode: a chain needs someone to follow.
  if (personId === null) return { personId: null, eventId: null, mode: s.mode === 'chain' ? 'network' : s.mode };
  return { ...s, personId, eventId: null };
}

/** Opens an event's panel (in the network view, where the panel shows it); null closes it. */
export function openEvent(s: Selection, eventId: string | null): Selection {
  if (eventId === null) return s.eventId === null ? s : { ...s, eventId: null };
  return { personId: null, eventId, mode: 'network' };
}

export function setMode(s: Selection, mode: Mode): Selection {
  if (mode === 'chain' && s.personId === null) return s;
  return { ...s, mode };
}
