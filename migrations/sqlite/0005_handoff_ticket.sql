-- A handoff may follow a ticket (取号) on the phone: the hall, service day and
-- number, nothing personal. The page reads the ticket's state live.
ALTER TABLE handoffs ADD COLUMN ticket_hall TEXT;
ALTER TABLE handoffs ADD COLUMN ticket_day TEXT;
ALTER TABLE handoffs ADD COLUMN ticket_number TEXT;
