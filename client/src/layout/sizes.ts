/**
 * Sizes the union layout spaces seats for and the stylesheet draws with: one definition, so a
 * label never outgrows the room the layout left for it.
 */
/** Font size of a person's name, in model units (on screen: times the zoom). */
export const LABEL_FONT = 12;
export const NODE_SIZE = 19;
/** Padding of a faction's box around its members. */
export const FACTION_PAD = 16;
