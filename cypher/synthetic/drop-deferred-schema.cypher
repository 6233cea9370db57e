// Before a synthetic bulk load: drops every index and constraint of cypher/schema that the load
// does not need, so rows are written without maintaining them; the loader re-applies the whole
// schema afterwards (Database.applySchema), which builds them in one pass over the data. Kept:
// the unique node ids (source_id, faction_id, person_id, office_id, event_id), which back the
// relationship queries' lookups of their end nodes.
// Parameters: none. Result: none. Statements run one by one (Database.runSchemaFile).
DROP CONSTRAINT member_of_id IF EXISTS;
DROP CONSTRAINT subgroup_of_id IF EXISTS;
DROP CONSTRAINT held_id IF EXISTS;
DROP CONSTRAINT participated_in_id IF EXISTS;
DROP CONSTRAINT led_to_id IF EXISTS;
DROP CONSTRAINT preview_of_id IF EXISTS;
DROP CONSTRAINT reversed_by_id IF EXISTS;
DROP CONSTRAINT part_of_id IF EXISTS;
DROP CONSTRAINT tie_id IF EXISTS;
DROP INDEX event_date_earliest IF EXISTS;
DROP INDEX event_kind IF EXISTS;
DROP INDEX tie_kind IF EXISTS;
DROP INDEX participated_in_role IF EXISTS;
DROP INDEX person_names IF EXISTS;
