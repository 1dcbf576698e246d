-- The hall visit (issue 16). Nothing personal: a walk-in's ticket holds its
-- number, queue and lane; a checked-in booking's only its confirmation code.
--
-- Numbers given per hall, queue and service day (the hall's local date): the
-- next is taken by one conditional upsert on this row, the cap in its WHERE.
CREATE TABLE ticket_counters (hall TEXT NOT NULL, queue TEXT NOT NULL, day TEXT NOT NULL,
    n BIGINT NOT NULL, PRIMARY KEY (hall, queue, day));
-- One row per ticket of a day; `version` grows with every change, so a window
-- writes a ticket back only if nobody changed it since it was read.
CREATE TABLE tickets (hall TEXT NOT NULL, day TEXT NOT NULL, number TEXT NOT NULL,
    queue TEXT NOT NULL, issued_utc BIGINT NOT NULL, lane TEXT NOT NULL, priority_group TEXT,
    slot_start_utc BIGINT, place_utc BIGINT NOT NULL, state TEXT NOT NULL, window_no BIGINT,
    at_utc BIGINT, started_utc BIGINT, calls BIGINT NOT NULL, version BIGINT NOT NULL,
    booking TEXT, PRIMARY KEY (hall, day, number));
-- A booking is checked in once, whichever kiosk or server is asked.
CREATE UNIQUE INDEX tickets_booking ON tickets (booking);
-- Each window's state for the day, guarded by its version like a ticket.
CREATE TABLE desks (hall TEXT NOT NULL, day TEXT NOT NULL, window_no BIGINT NOT NULL,
    open BIGINT NOT NULL, priority_streak BIGINT NOT NULL, version BIGINT NOT NULL,
    PRIMARY KEY (hall, day, window_no));
