## The hall visit at the kiosk: taking a number (取号) and checking a booking in (签到).
