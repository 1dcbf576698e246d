-- The schema as it stood before migrations: IF NOT EXISTS, so a database
-- made by an earlier onestop is adopted as it is.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS halls (id TEXT PRIMARY KEY, position INTEGER NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS categories (id TEXT PRIMARY KEY, position INTEGER NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS services (id TEXT PRIMARY KEY, position INTEGER NOT NULL,
    category_id TEXT NOT NULL REFERENCES categories(id), doc TEXT NOT NULL);
-- One row per slot that anyone has held: places taken by holds and bookings together.
CREATE TABLE IF NOT EXISTS slots (hall TEXT NOT NULL, service TEXT NOT NULL, start_utc BIGINT NOT NULL,
    capacity INTEGER NOT NULL, taken INTEGER NOT NULL, PRIMARY KEY (hall, service, start_utc));
CREATE TABLE IF NOT EXISTS holds (id TEXT PRIMARY KEY, hall TEXT NOT NULL, service TEXT NOT NULL,
    start_utc BIGINT NOT NULL, end_utc BIGINT NOT NULL, local_date TEXT NOT NULL, expires_utc BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS holds_expiry ON holds (expires_utc);
-- How often each hold was kept longer (at most twice); a row goes with its hold.
CREATE TABLE IF NOT EXISTS hold_extensions (hold TEXT PRIMARY KEY, times INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS bookings (code TEXT PRIMARY KEY, status TEXT NOT NULL, hall TEXT NOT NULL,
    service TEXT NOT NULL, start_utc BIGINT NOT NULL, end_utc BIGINT NOT NULL, local_date TEXT NOT NULL,
    name TEXT NOT NULL, phone TEXT NOT NULL, phone_last4 TEXT NOT NULL, id_hash TEXT NOT NULL,
    id_masked TEXT NOT NULL, kiosk TEXT, created_utc BIGINT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE, request_hash TEXT NOT NULL);
-- A confirm sent again under a new key finds the booking its hold became.
CREATE INDEX IF NOT EXISTS bookings_request ON bookings (request_hash);
-- One person, one active booking per service per day: enforced by the database itself.
CREATE UNIQUE INDEX IF NOT EXISTS one_per_person ON bookings (id_hash, service, local_date)
    WHERE status = 'active';
CREATE TABLE IF NOT EXISTS handoffs (code TEXT PRIMARY KEY, service TEXT NOT NULL, lang TEXT NOT NULL,
    booking TEXT, expires_utc BIGINT NOT NULL);
