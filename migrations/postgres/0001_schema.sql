-- The same tables as SQLite's, with PostgreSQL's types: every integer is a
-- BIGINT so both engines hand the code an i64.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE halls (id TEXT PRIMARY KEY, position BIGINT NOT NULL, doc TEXT NOT NULL);
CREATE TABLE categories (id TEXT PRIMARY KEY, position BIGINT NOT NULL, doc TEXT NOT NULL);
CREATE TABLE services (id TEXT PRIMARY KEY, position BIGINT NOT NULL,
    category_id TEXT NOT NULL REFERENCES categories(id), doc TEXT NOT NULL);
CREATE TABLE slots (hall TEXT NOT NULL, service TEXT NOT NULL, start_utc BIGINT NOT NULL,
    capacity BIGINT NOT NULL, taken BIGINT NOT NULL, PRIMARY KEY (hall, service, start_utc));
CREATE TABLE holds (id TEXT PRIMARY KEY, hall TEXT NOT NULL, service TEXT NOT NULL,
    start_utc BIGINT NOT NULL, end_utc BIGINT NOT NULL, local_date TEXT NOT NULL, expires_utc BIGINT NOT NULL);
CREATE INDEX holds_expiry ON holds (expires_utc);
CREATE TABLE hold_extensions (hold TEXT PRIMARY KEY, times BIGINT NOT NULL);
CREATE TABLE bookings (code TEXT PRIMARY KEY, status TEXT NOT NULL, hall TEXT NOT NULL,
    service TEXT NOT NULL, start_utc BIGINT NOT NULL, end_utc BIGINT NOT NULL, local_date TEXT NOT NULL,
    name TEXT NOT NULL, phone TEXT NOT NULL, phone_last4 TEXT NOT NULL, id_hash TEXT NOT NULL,
    id_masked TEXT NOT NULL, kiosk TEXT, created_utc BIGINT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE, request_hash TEXT NOT NULL);
CREATE INDEX bookings_request ON bookings (request_hash);
CREATE UNIQUE INDEX one_per_person ON bookings (id_hash, service, local_date) WHERE status = 'active';
CREATE TABLE handoffs (code TEXT PRIMARY KEY, service TEXT NOT NULL, lang TEXT NOT NULL,
    booking TEXT, expires_utc BIGINT NOT NULL);
