-- As SQLite's 0002.
ALTER TABLE bookings ADD COLUMN company TEXT;
-- When the booking's personal data was erased (booking.retain_days after
-- the appointment); NULL while it is kept.
ALTER TABLE bookings ADD COLUMN erased_utc BIGINT;
CREATE INDEX bookings_retention ON bookings (end_utc) WHERE erased_utc IS NULL;
-- The staff screen counts a kiosk's bookings of the day.
CREATE INDEX bookings_kiosk ON bookings (kiosk, created_utc);
-- Kiosks', windows' and screens' tokens: only a hash of each is kept.
CREATE TABLE tokens (id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
    hall TEXT NOT NULL, name TEXT NOT NULL, created_utc BIGINT NOT NULL, revoked_utc BIGINT,
    UNIQUE (hall, role, name));
