-- silkway-catalog: STAC collections and items (SQLite).
-- Versions >= 1000 belong to the catalog; the store uses versions < 1000.
CREATE TABLE IF NOT EXISTS stac_collections (
    id          TEXT PRIMARY KEY NOT NULL,
    body        TEXT NOT NULL,
    created_us  INTEGER NOT NULL,
    updated_us  INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS stac_items (
    collection  TEXT NOT NULL,
    id          TEXT NOT NULL,
    datetime_us INTEGER NOT NULL,
    start_us    INTEGER NOT NULL,
    end_us      INTEGER NOT NULL,
    minx        REAL,
    miny        REAL,
    maxx        REAL,
    maxy        REAL,
    body        TEXT NOT NULL,
    updated_us  INTEGER NOT NULL,
    PRIMARY KEY (collection, id)
);

-- Sort-order indexes that also cover the time and bbox pre-filter columns:
-- a search scans these narrow entries and reads an item row (with its
-- JSON body) only for candidates that pass the pre-filter.
CREATE INDEX IF NOT EXISTS stac_items_datetime ON stac_items (datetime_us, collection, id, start_us, end_us, minx, maxx, miny, maxy);
CREATE INDEX IF NOT EXISTS stac_items_collection_datetime ON stac_items (collection, datetime_us, id, start_us, end_us, minx, maxx, miny, maxy);
CREATE INDEX IF NOT EXISTS stac_items_id ON stac_items (id);
CREATE INDEX IF NOT EXISTS stac_items_time ON stac_items (start_us, end_us);
CREATE INDEX IF NOT EXISTS stac_items_bbox ON stac_items (minx, maxx, miny, maxy);
