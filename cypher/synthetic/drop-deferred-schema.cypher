// Before a synthetic bulk load: drops every index and constraint of cypher/indexes but the meta
// constraint (atlas_meta_id), so rows are written without maintaining them; the loader re-applies
// cypher/indexes afterwards (Database.applySchema), which builds each in one pass over the data:
// the node ones once the nodes are written (their full-text and range indexes then populate while
// the relationships are written, which never change a node's properties), the relationship ones
// at the end. The load itself needs none of them: relationships find their end nodes by element
// id, not by the unique node ids.
// Parameters: none. Result: none. Statements run one by one (Database.runSchemaFile).
DROP CONSTRAINT source_id IF EXISTS;
DROP CONSTRAINT faction_id IF EXISTS;
DROP CONSTRAINT person_id IF EXISTS;
DROP CONSTRAINT office_id IF EXISTS;
DROP CONSTRAINT event_id IF EXISTS;
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
