## The hall visit at the kiosk: taking a number (取号) and checking a booking in (签到).

welcome-take-number = Take a number
welcome-take-number-detail = queue here: choose the service, get a number
welcome-take-number-offline = not now: numbers are given at the desk
welcome-check-in = Check in
welcome-check-in-detail = booked? check in here to be called first
welcome-check-in-offline = not now: please check in at the desk
banner-take-number = Number
banner-ticket = Ticket
banner-check-in = Check in
crumb-take-number = Take a number
crumb-priority = Priority
crumb-ticket = Your number
crumb-check-in = Check in

take-number-title = Take a number
take-number-heading = Take a number: how would you like to find the service?
take-number-personal-detail = services for individuals, by category
take-number-business-detail = services for businesses, by category
take-number-loading = Asking the hall's queues…

priority-heading = Are you in one of these groups? Staff check at the window.
priority-no = No, the ordinary queue
priority-checked = show your proof at the window

check-in-heading = Check in: enter your confirmation code and the last 4 digits of your phone:
check-in-sending = Checking in…

visit-offline = The kiosk cannot reach the hall's queues ({ $reason }) and gives no number now. Please take a number at the hall's desk: { $address }
visit-at-desk = This hall gives its numbers at the desk, not at this kiosk. Please take a number at the desk: { $address }
visit-service-at-desk = Numbers for this service are given at the desk, not at this kiosk. Please take a number at the desk: { $address }
visit-closed-today = The hall is closed today: no numbers are given.
visit-before-hours = Numbers are not given yet: today they are given from { $time }.
visit-after-hours = Today's numbers are no longer given (they were given until { $time }). Please come back on the next working day.
visit-daily-cap = Today's numbers for this service are all given out. Please come back on the next working day, or book an appointment.
visit-numbers-exhausted = No number is left for this service today. Please ask the staff.

check-in-not-found = The confirmation code or the last 4 digits are wrong. Please check them and try again.
check-in-too-early = It is too early to check in: check-in opens at { $time } on { $date }.
check-in-too-late = It is too late to check in: the time slot ended at { $time } on { $date }. Please take a number, or book again.
check-in-cancelled = This booking was cancelled and cannot be checked in. Please take a number, or book again.
check-in-other-hall = This booking is at another hall: { $hall } ({ $address }). Please check in there.
check-in-already = This booking was checked in already: its number is { $number }. Please wait to be called.
check-in-too-many-tries = Too many wrong tries for this booking. For your safety, please try again in { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}, or ask the staff.

ticket-taking = Taking your number…
ticket-refused-heading = No number was given
ticket-heading = Here is your number. Please watch for it to be called.
ticket-checked-in = Checked in: you are called before walk-in numbers
ticket-number = Your number: { $number }, { $queue }
ticket-ahead = { $count ->
    [0] No one is ahead of you
    [one] 1 person is ahead of you
   *[other] { $count } people are ahead of you
}
ticket-wait-minutes = Estimated wait: about { $low }–{ $high } minutes
ticket-wait-no-window = Estimated wait: cannot say now (no window open)
ticket-wait-unknown = Estimated wait: no estimate yet today
ticket-windows = Called at windows { $windows }
ticket-priority-check = Priority: show your proof to the staff at the window
ticket-phone-hint = Press P for a QR code to follow your number on your phone
ticket-phone-heading = Scan to follow { $number } on your phone
