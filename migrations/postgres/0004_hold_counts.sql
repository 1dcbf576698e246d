-- Holds counted per minute, per kiosk token and per hall, in the database
-- every server shares: behind several servers a booking bot gets the same
-- allowance as behind one. Minutes past are deleted hourly.
CREATE TABLE hold_counts (counter TEXT NOT NULL, minute BIGINT NOT NULL, n BIGINT NOT NULL,
    PRIMARY KEY (counter, minute));
