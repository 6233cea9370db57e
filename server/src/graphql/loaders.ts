/**
 * Per-request batch loaders: when a nested field needs data its parent query did not fetch
 * (an event's participants under a person's participations, say), every such lookup in the same
 * tick is gathered into one Cypher query. This is what keeps nested queries free of N+1.
 */
import type { Database } from '../db/database.js';
import { asProps, toFaction, toFullEvent, toFullPerson, toMembership, asList, toSource } from './mapping.js';
import type { EventModel, FactionModel, MembershipModel, PersonModel, SourceModel } from './domain-objects.js';
import { FULL_PERSON, isFull, personsFullParams, projectionKey, type PersonProjection } from './person-projection.js';

interface Batch<V> {
  keys: string[];
  waiting: Map<string, { resolve: (value: V | null) => void; reject: (error: unknown) => void }[]>;
}

/** A minimal DataLoader: batches keys requested in the same tick and caches per request. */
export class BatchLoader<V> {
  private readonly cache = new Map<string, Promise<V | null>>();
  private batch: Batch<V> | null = null;

  constructor(private readonly fetch: (keys: readonly string[]) => Promise<Map<string, V>>) {}

  load(key: string): Promise<V | null> {
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const promise = new Promise<V | null>((resolve, reject) => {
      if (this.batch === null) {
        const batch: Batch<V> = { keys: [], waiting: new Map() };
        this.batch = batch;
        // Resolve after the current resolver wave has queued all its keys.
        setImmediate(() => void this.dispatch(batch));
      }
      const waiting = this.batch.waiting.get(key) ?? [];
      if (waiting.length === 0) this.batch.keys.push(key);
      waiting.push({ resolve, reject });
      this.batch.waiting.set(key, waiting);
    });
    this.cache.set(key, promise);
    return promise;
  }

  /** Seeds the cache with a value the caller already has. */
  prime(key: string, value: V): void {
    if (!this.cache.has(key)) this.cache.set(key, Promise.resolve(value));
  }

  private async dispatch(batch: Batch<V>): Promise<void> {
    this.batch = null;
    try {
      const values = await this.fetch(batch.keys);
      for (const [key, waiters] of batch.waiting) waiters.forEach((w) => w.resolve(values.get(key) ?? null));
    } catch (error) {
      // A failed batch must not poison the cache: the database may be back on the next request.
      for (const [key, waiters] of batch.waiting) {
        this.cache.delete(key);
        waiters.forEach((w) => w.reject(error));
      }
    }
  }
}

/** A whole small table loaded once per request (factions, sources). */
export class TableLoader<V> {
  private promise: Promise<Map<string, V>> | null = null;

  constructor(private readonly fetch: () => Promise<Map<string, V>>) {}

  all(): Promise<Map<string, V>> {
    if (this.promise === null) {
      this.promise = this.fetch();
      this.promise.catch(() => {
        this.promise = null;
      });
    }
    return this.promise;
  }

  async get(id: string): Promise<V | null> {
    return (await this.all()).get(id) ?? null;
  }

  /** Answers this request from a table already loaded (kept for the current data revision elsewhere), unless it has loaded its own. */
  prime(table: Promise<Map<string, V>>): void {
    this.promise ??= table;
  }
}

export interface Loaders {
  /** Persons in full (every collection, full tie ends): what nested lookups use. */
  readonly persons: BatchLoader<PersonModel>;
  /**
   * Persons with only what `projection` asks for (the `person` root field, see
   * person-projection.ts): one loader, and so one cache, per projection, so a person loaded
   * thin is only ever served to a field with the same needs. The full projection is `persons`.
   */
  personsWith(projection: PersonProjection): BatchLoader<PersonModel>;
  readonly events: BatchLoader<EventModel>;
  /** Every faction, without memberships (those come from factionMemberships when asked for). */
  readonly factions: TableLoader<FactionModel>;
  /** A faction's memberships with their persons, by faction id. */
  readonly factionMemberships: BatchLoader<readonly MembershipModel[]>;
  readonly sources: TableLoader<SourceModel>;
}

function personsLoader(db: Database, projection: PersonProjection): BatchLoader<PersonModel> {
  return new BatchLoader(async (ids) => {
    const rows = await db.read('queries/persons-full', personsFullParams(ids, projection));
    return new Map(
      rows.map((row) => {
        const person = toFullPerson(row, projection);
        return [person.id, person];
      }),
    );
  });
}

export function createLoaders(db: Database): Loaders {
  const persons = personsLoader(db, FULL_PERSON);
  const projected = new Map<string, BatchLoader<PersonModel>>();
  return {
    persons,
    personsWith(projection) {
      if (isFull(projection)) return persons;
      const key = projectionKey(projection);
      let loader = projected.get(key);
      if (loader === undefined) {
        loader = personsLoader(db, projection);
        projected.set(key, loader);
      }
      return loader;
    },
    events: new BatchLoader(async (ids) => {
      const rows = await db.read('queries/events-full', { ids });
      return new Map(
        rows.map((row) => {
          const event = toFullEvent(row);
          return [event.id, event];
        }),
      );
    }),
    factions: new TableLoader(async () => {
      const rows = await db.read('queries/factions');
      return new Map(
        rows.map((row) => {
          const faction: FactionModel = {
            ...toFaction(asProps(row['faction'])),
            subgroupIds: asList(row['subgroupIds']).filter((id): id is string => typeof id === 'string'),
          };
          return [faction.id, faction];
        }),
      );
    }),
    factionMemberships: new BatchLoader<readonly MembershipModel[]>(async (factionIds) => {
      const rows = await db.read('queries/faction-memberships', { factionIds });
      return new Map(
        rows.flatMap((row): [string, readonly MembershipModel[]][] =>
          typeof row['factionId'] === 'string' ? [[row['factionId'], asList(row['memberships']).map((m) => toMembership(asProps(m)))]] : [],
        ),
      );
    }),
    sources: new TableLoader(async () => {
      const rows = await db.read('queries/sources');
      return new Map(
        rows.map((row) => {
          const source = toSource(asProps(row['source']));
          return [source.id, source];
        }),
      );
    }),
  };
}
