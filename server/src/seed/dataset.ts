/**
 * The seed after validation: typed records with parsed dates, each remembering where it was
 * written so cross-reference checks can point back at the file and line.
 */
import type { PartialDate } from '../../../core/partial-date.js';
import type { FieldPath, SeedFile } from './read.js';
import type {
  AliasSystem,
  SeedCertainty as Certainty,
  SeedEventKind as EventKind,
  SeedLinkType as LinkType,
  SeedRole as Role,
  SourceKind,
  SeedSourceFamily,
  SeedTieKind as TieKind,
} from '../../../core/vocabulary.js';

export interface Location {
  readonly file: SeedFile;
  readonly path: FieldPath;
}

export interface Citation {
  readonly source: string;
  readonly at: string | null;
  readonly note: string | null;
  readonly loc: Location;
}

export interface SourceRecord {
  readonly id: string;
  readonly title: string;
  readonly author: string | null;
  readonly year: number | null;
  readonly publication: string | null;
  readonly file: string | null;
  readonly kind: SourceKind;
  /** What its account rests on (core/vocabulary.ts SOURCE_FAMILIES). */
  readonly family: SeedSourceFamily;
  readonly loc: Location;
}

export interface FactionRecord {
  readonly id: string;
  readonly name: string;
  readonly aliases: string[];
  readonly parent: string | null;
  readonly description: string | null;
  /** When it formed as a group; required by the validator (null only in a record with errors). */
  readonly formed: DateClaim | null;
  /** When it ceased to act as one; null when the sources give no end within the period. */
  readonly dissolved: DateClaim | null;
  readonly cite: Citation[];
  readonly loc: Location;
}

export interface DateClaim {
  readonly date: PartialDate;
  readonly certainty: Certainty;
  readonly cite: Citation[];
}

export interface Interval {
  readonly from: PartialDate | null;
  readonly to: PartialDate | null;
}

export interface MembershipRecord extends Interval {
  readonly faction: string;
  readonly certainty: Certainty;
  readonly cite: Citation[];
  readonly loc: Location;
}

export interface OfficeRecord extends Interval {
  readonly title: string;
  readonly certainty: Certainty;
  readonly cite: Citation[];
  readonly loc: Location;
}

export interface AliasRecord {
  readonly form: string;
  readonly system: AliasSystem;
}

export interface PersonRecord {
  readonly id: string;
  readonly name: string;
  readonly hangul: string | null;
  readonly hanja: string | null;
  readonly aliases: AliasRecord[];
  readonly born: DateClaim[];
  readonly died: DateClaim[];
  readonly summary: string | null;
  readonly disambiguation: string | null;
  readonly cite: Citation[];
  readonly namesCite: Citation[];
  readonly memberships: MembershipRecord[];
  readonly offices: OfficeRecord[];
  readonly loc: Location;
}

export interface ParticipantRecord {
  readonly person: string;
  readonly role: Role;
  readonly cite: Citation[];
  readonly loc: Location;
}

export interface LinkRecord {
  readonly type: LinkType;
  readonly event: string;
  readonly cite: Citation[];
  readonly loc: Location;
}

export interface EventRecord {
  readonly id: string;
  readonly kind: EventKind;
  readonly title: string;
  readonly date: PartialDate | null;
  readonly place: string | null;
  readonly certainty: Certainty;
  readonly summary: string | null;
  readonly cite: Citation[];
  readonly participants: ParticipantRecord[];
  readonly links: LinkRecord[];
  readonly loc: Location;
}

export interface TieRecord extends Interval {
  readonly id: string;
  readonly kind: TieKind;
  readonly a: string;
  readonly b: string;
  readonly directed: boolean;
  readonly certainty: Certainty;
  readonly summary: string | null;
  readonly cite: Citation[];
  readonly loc: Location;
}

export interface Dataset {
  readonly sources: SourceRecord[];
  readonly factions: FactionRecord[];
  readonly persons: PersonRecord[];
  readonly events: EventRecord[];
  readonly ties: TieRecord[];
}
