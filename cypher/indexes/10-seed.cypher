// Constraints and indexes for the seeded graph (docs/data-model.md).
// Parameters: none. Result: none. Every statement is idempotent (IF NOT EXISTS).
// Unique ids per label back the loader's MERGE by id; unique relationship ids back its
// stale-relationship cleanup and the API's lookups by id.
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT faction_id IF NOT EXISTS FOR (n:Faction) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT office_id IF NOT EXISTS FOR (n:Office) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT subgroup_of_id IF NOT EXISTS FOR ()-[r:SUBGROUP_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT held_id IF NOT EXISTS FOR ()-[r:HELD]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT participated_in_id IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT led_to_id IF NOT EXISTS FOR ()-[r:LED_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT preview_of_id IF NOT EXISTS FOR ()-[r:PREVIEW_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT reversed_by_id IF NOT EXISTS FOR ()-[r:REVERSED_BY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT part_of_id IF NOT EXISTS FOR ()-[r:PART_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT tie_id IF NOT EXISTS FOR ()-[r:TIE]-() REQUIRE r.id IS UNIQUE;
// Time-window and kind filters on events (timelines, purge cascades).
CREATE INDEX event_date_earliest IF NOT EXISTS FOR (n:Event) ON (n.dateEarliest);
CREATE INDEX event_kind IF NOT EXISTS FOR (n:Event) ON (n.kind);
CREATE INDEX tie_kind IF NOT EXISTS FOR ()-[r:TIE]-() ON (r.kind);
CREATE INDEX participated_in_role IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.role);
