-- As SQLite's 0006: 好差评 and 找错 (issue 17). Nothing personal: a rating is a ticket's
-- (hall, day, number) with the window and service it came from; a report a
-- guide's. Free text is erased with the bookings' personal data
-- (`booking.retain_days`): citizens may write anything in it.
--
-- One rating per ticket (一次一评): the primary key refuses a second.
CREATE TABLE ratings (hall TEXT NOT NULL, day TEXT NOT NULL, number TEXT NOT NULL,
    queue TEXT NOT NULL, service TEXT NOT NULL, window_no BIGINT NOT NULL, level TEXT NOT NULL,
    reason TEXT, text TEXT, at_utc BIGINT NOT NULL, PRIMARY KEY (hall, day, number));
CREATE INDEX ratings_at ON ratings (at_utc);
CREATE TABLE reports (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, service TEXT NOT NULL, catalog_version TEXT NOT NULL,
    what TEXT NOT NULL, text TEXT, hall TEXT, at_utc BIGINT NOT NULL);
CREATE INDEX reports_at ON reports (at_utc);
