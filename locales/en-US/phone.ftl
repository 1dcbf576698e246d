## The phone pages (/m/…).
m-booking = Your appointment
m-cancel-prompt = To cancel, enter the last 4 digits of the phone number you booked with:
m-cancelled = The booking is cancelled and its place is free for others.
m-cancel-refused = Not cancelled: the digits did not match, or the booking no longer exists.
m-back = Back
m-gone-title = Link no longer valid
m-gone-body = This QR code has expired or does not exist. Please scan again at the kiosk, or call the hall.
m-busy-title = Please try again later
m-busy-body = Too many requests. Please try again in a minute.
