## The phone pages (/m/…): plain pages a phone opens from the kiosk's QR code.
m-booking = Your appointment
m-call = Questions? Call the hall: { $phone }
m-back = Back to the booking

## Cancelling: a link on the booking, then a page that asks first.
m-cancel-link = Cancel this booking…
m-confirm-title = Cancel this booking?
m-confirm-body = Its place will go to someone else. This cannot be undone.
m-cancel-prompt = The last 4 digits of the phone number you booked with:
m-cancel-digits = Please enter exactly 4 digits.
m-confirm-yes = Yes, cancel the booking
m-confirm-no = No, keep it
m-cancelled-title = Booking cancelled
m-cancelled = The booking is cancelled and its place is free for others.
m-refused-title = Not cancelled
m-cancel-refused = The digits did not match, or the booking no longer exists. Check the last 4 digits of the phone number you booked with and try again.
m-try-again = Try again

## Error pages: a heading, what to do, and the hall's phone.
m-gone-title = Link no longer valid
m-gone-body = This QR code has expired or does not exist. Please scan again at the kiosk, or call the hall.
m-missing-title = Page not found
m-missing-body = There is no page at this address. Please scan the QR code at the kiosk again.
m-busy-title = Please try again later
m-busy-body = Too many requests. Please try again in a minute.
m-locked-title = Too many wrong tries
m-locked-body = The digits were entered wrongly too many times, so this booking cannot be changed here for { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
}. Please try again later, or call the hall.
m-unreadable-title = This request could not be read
m-unreadable-body = Please open the link from the kiosk's QR code again, and use the buttons on the page.
m-error-title = Something went wrong
m-error-body = The page could not be shown just now. Please try again in a moment.

## A ticket (取号) followed on the phone: numbers only, the page refreshes itself.
m-ticket-title = Your number: { $number }
m-ticket-queue = Queue: { $queue }
m-ticket-waiting = { $ahead ->
    [0] You are next in line.
    [one] 1 person is ahead of you.
   *[other] { $ahead } people are ahead of you.
}
m-ticket-estimate = Estimated wait: { $low } to { $high } minutes.
m-ticket-estimate-up-to = Estimated wait: up to { $high } minutes.
m-ticket-no-window = Estimated wait: cannot say yet, as no window for this queue is open.
m-ticket-unknown = Estimated wait: not known yet, as no one has been served in this queue today.
m-ticket-near = Your turn is near: please stay close to the windows.
m-ticket-windows = Called at windows: { $windows }
m-ticket-called = It is your turn: please go to window { $window }.
m-ticket-serving = You are being served at window { $window }.
m-ticket-missed = Your number was called at window { $window }, but you were not there. Please go to window { $window } or ask the staff: your number can be put back in line for a while.
m-ticket-served = Served. Thank you for your visit.
m-ticket-gone = This number is no longer shown. Please ask the staff.
m-ticket-updated = Updated at { $time }.
m-ticket-refresh = This page updates itself every { $seconds } seconds.
m-ticket-hold-still = Stop updating this page
m-ticket-resume = Update this page again
