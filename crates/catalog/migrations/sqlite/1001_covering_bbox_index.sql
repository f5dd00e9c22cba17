-- The bounding-box index also carries the time span, the sort columns and
-- the key, so a search with a bbox filters and orders candidates from the
-- index alone; bodies are then read by key for one page only.
DROP INDEX IF EXISTS stac_items_bbox;
CREATE INDEX IF NOT EXISTS stac_items_bbox ON stac_items (minx, maxx, miny, maxy, start_us, end_us, datetime_us, collection, id);
