-- silkway-catalog: STAC collections and items (PostgreSQL).
-- Versions >= 1000 belong to the catalog; the store uses versions < 1000.
CREATE TABLE IF NOT EXISTS stac_collections (
    id          TEXT PRIMARY KEY NOT NULL,
    body        TEXT NOT NULL,
    created_us  BIGINT NOT NULL,
    updated_us  BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS stac_items (
    collection  TEXT NOT NULL,
    id          TEXT NOT NULL,
    datetime_us BIGINT NOT NULL,
    start_us    BIGINT NOT NULL,
    end_us      BIGINT NOT NULL,
    minx        DOUBLE PRECISION,
    miny        DOUBLE PRECISION,
    maxx        DOUBLE PRECISION,
    maxy        DOUBLE PRECISION,
    body        TEXT NOT NULL,
    updated_us  BIGINT NOT NULL,
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
