# onestop kiosk — English (US)

## Language and title bar
lang-name = English
hall-fallback = Government Service Centre
crumb-home = Start
audience-personal = For individuals
audience-business = For businesses
language-current = current language
list-separator = {", "}

## Elderly mode's big-letter banner (each must fit 78 columns: 8 a letter)
banner-welcome = Welcome
banner-personal = Personal
banner-business = Business
banner-services = Services
banner-guide = Guide
banner-hall = Hall
banner-date = Date
banner-slot = Time
banner-details = Details
banner-check = Check
banner-done = Booked
banner-lookup = Look up
banner-lookup-result = Details
banner-staff = Staff
banner-search = Search
banner-idle = Hello?

## The fixed message line
notice-still-loading = The service list is still loading. Please try again in a moment.
notice-unavailable = Note: { $reason }; you are seeing the information saved earlier.
notice-unavailable-retry = Error: { $reason }. Press R to try again, or ask a member of staff.
notice-nothing-to-open = No service can be opened: { $reason }, and no list of services is saved here. Press R to try again, or { $has_phone ->
    [yes] call { $phone }.
   *[no] ask a member of staff.
}
error-offline = the server cannot be reached right now
error-timeout = the server took too long to answer
error-server = the server has a temporary problem
error-bad-data = the server sent data we could not read
error-unregistered = this terminal is not registered with the server: please ask a member of staff

## Status bar
key-select = Select
key-pick = Pick
key-open = Open
key-scroll = Read
key-back = Back
key-home = Start
key-retry = Retry
key-quit = Quit
help-phone = Need help? Call the hall on { $phone }, or ask a member of staff.
menu-page = Page { $page } of { $pages } · { $where ->
    [first] PgDn next page
    [last] PgUp previous page
   *[middle] PgUp previous · PgDn next page
}
too-small = This window is too small ({ $width }×{ $height }). Please make the terminal at least { $min_width }×{ $min_height }.

## Welcome and lists
welcome-heading = Welcome. What would you like to do?
welcome-browse-unavailable = cannot open right now (no list of services)
categories-heading = Choose a category:
services-heading = Choose a service:
service-online-tag = can be done online

## Service guide
guide-department = Responsible department: { $department }
guide-code = Item code: { $code }
guide-reviewed = Checked on { $date }
online-yes = Can be done online
online-no = Must be done at the hall
cross-province-yes = Cross-province service available
cross-province-no = No cross-province service
guide-conditions = Eligibility
guide-materials = Required materials ({ $count ->
    [one] 1 item
   *[other] { $count } items
})
material-original = Original
material-copy = Photocopy
material-original-and-copy = Original and photocopy
material-form = { $form }, { $copies ->
    [one] 1 copy
   *[other] { $copies } copies
}
medium-paper = paper
medium-electronic = electronic
medium-either = paper or electronic
material-e-licence = an electronic licence can replace it
material-conditional = only in some cases
material-source = Where to get it: { $source }
material-notes = Note: { $notes }
guide-fees = Fees
fees-none = Free of charge
fee-item = { $item }: ¥{ $amount }
guide-time-limits = Time limits
statutory-days = Statutory time limit: { $days ->
    [one] 1 working day
   *[other] { $days } working days
}
promised-days = Our promise: { $days ->
    [one] within 1 working day
   *[other] within { $days } working days
}
promised-on-the-spot = Our promise: done while you wait
guide-visits = Visits in person
visits = { $count ->
    [0] No visit needed
    [one] At most 1 visit
   *[other] At most { $count } visits
}
guide-where = Where and when
guide-phones = Enquiries and complaints
enquiry-phone = Enquiries: { $phone }
complaint-phone = Complaints: { $phone }

## Booking
key-book = Book
key-next-field = Next field
key-change = Change
key-continue = Continue
crumb-book-hall = Hall
crumb-book-date = Date
crumb-book-slot = Time
crumb-book-details = Your details
crumb-book-check = Check
crumb-book-done = Booked
crumb-lookup = My appointment
crumb-lookup-result = Details
welcome-my-booking = My appointment
welcome-my-booking-detail = look up or cancel a booking
loading = Looking it up, please wait…
load-failed = Error: { $reason }. Press R to try again.
book-hall-heading = Which hall would you like to go to?
zone-name = { $zone ->
    [shanghai] Beijing time
    [urumqi] Ürümqi time
   *[other] local time { $id }
}
book-date-heading = Choose a date ({ $hall }, { $zone }):
book-slot-heading = Choose a time · { $day } · { $hall } ({ $zone }):
book-slot-holding = Keeping a place for you, please wait…
book-slot-none = No times are left on { $day }. Press Esc to choose another day.
day-closed = closed
day-full = fully booked
slot-full = fully booked
places-left = { $count ->
    [one] 1 place left
   *[other] { $count } places left
}
day-label = { $weekday } { $day } { $month }
full-date = { $day } { $month } { $year }
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
weekday-1 = Mon
weekday-2 = Tue
weekday-3 = Wed
weekday-4 = Thu
weekday-5 = Fri
weekday-6 = Sat
weekday-7 = Sun
book-details-heading = Your details (Tab or ↓ for the next field):
hold-minutes = Your place is kept for about { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}.
error-summary = Error: { $count ->
    [one] 1 answer needs
   *[other] { $count } answers need
} correcting, as marked below.
field-name = Name
field-phone = Mobile number
field-id-kind = Document type
field-id-number = Document number
field-time = Time
err-name-missing = Error: enter your name
err-name-format = Error: letters only (no digits or symbols), at most 40
check-heading = Check your answers ({ $service }):
check-answer = { $label }: { $value }
check-confirm = Everything is right: confirm the booking
check-change = change
check-sending = Sending your booking, please wait…
done-heading = You are booked. Please note your confirmation code:
done-bring = Bring with you:
booking-code = Confirmation code: { $code }
booking-service = Service: { $service }
booking-when = When: { $day } { $start }–{ $end } ({ $zone })
booking-where = Where: { $place } ({ $address })
booking-person = Booked for: { $name } · mobile { $phone } · document { $id }
notice-day-unavailable = That day cannot be booked (closed or full). Please choose another day.
notice-slot-full = That time is fully booked. Please choose another.
notice-slot-taken = Sorry, that time has just been fully booked. Please choose again from the updated times.
notice-hold-expired = The time kept for you has run out. Please choose a time again; your answers are still here.
notice-already-booked = You already have a booking for this service that day: one per document per day.
notice-too-many-bookings = This document already has as many upcoming appointments as one may hold. Cancel one first, or ask a member of staff.
notice-invalid = One of your answers was not accepted. Please check them and try again.
notice-not-found = No booking was found. Please check the code and the last four digits of the phone.
notice-refused = The request was not accepted. Please ask a member of staff.
notice-too-many-tries = Too many wrong tries for this booking. For your safety, please try again in { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}, or ask a member of staff.
notice-network-retry = Error: { $reason }; the booking was not sent. Your answers are still here: press Enter to try again.
notice-cancelled = The booking is cancelled and its place is free for others.

## My appointment
lookup-heading = Enter your confirmation code and the last 4 digits of your phone:
lookup-searching = Looking it up, please wait…
field-code = Confirmation code (8 characters)
field-last4 = Last four digits of the phone
err-code-missing = Error: enter the confirmation code
err-code-format = Error: the code has 8 letters and digits
err-last4-missing = Error: enter the last four digits
err-last4-format = Error: enter 4 digits
status-active = This booking is active
status-cancelled = This booking is cancelled
lookup-cancel = Cancel this booking
lookup-cancel-question = Cancel it? Its place will go to someone else.
lookup-cancel-yes = Yes, cancel the booking
lookup-cancel-no = No, keep it

## Phone page (continue on your phone)

## Continue on your phone
key-phone = Phone
phone-making = Making a QR code…
phone-failed = The QR code cannot be made right now ({ $reason }).
phone-scan = { $booking ->
    [yes] Scan to take your booking and the checklist with you (the code works for 30 minutes):
   *[no] Scan to take the checklist with you (the code works for 30 minutes):
}
phone-too-small = The window is too small to show a QR code that scans. Type this address into your phone's browser instead:

## Offline, idle and staff
notice-booking-offline = Booking online is not possible right now (no connection). Call { $phone } to book, or come to { $address } later.
notice-config-reloaded = Configuration reloaded.
notice-config-rejected = The new configuration has errors; the old one stays: { $problems }
idle-warning = You have not done anything for a while. To protect your privacy, this screen returns to the start in about { $seconds } seconds and what you typed is cleared. Press any key to carry on.
crumb-staff = Staff
staff-pin-heading = Staff: enter the PIN, then press Enter.
staff-pin-label = PIN
staff-pin-checking = PIN (checking…)
staff-pin-wrong = Error: wrong PIN; { $left } tries left.
staff-pin-locked = Error: too many wrong PINs; try again in { $minutes } minutes.
staff-pin-unset = Error: no staff PIN is set on this kiosk (staff.pin_hash).
staff-kiosk = Kiosk: { $kiosk } · hall: { $hall } · version { $version }
staff-backend = Backend: { $url } · { $health }
staff-backend-up = answering in { $ms } ms
staff-backend-down = unreachable ({ $reason })
staff-catalog = Catalogue version: { $version } · copy on this kiosk saved { $age } min ago
staff-catalog-offline = Catalogue version: { $version } (offline: the copy on this kiosk, saved { $age } min ago)
staff-catalog-version = Catalogue version: { $version }
staff-catalog-unsaved = Catalogue version: { $version } · no copy saved on this kiosk yet
staff-catalog-loading = Catalogue: loading…
staff-catalog-unreadable = Catalogue: none (the copy on this kiosk, saved { $age } min ago, cannot be read: see the log)
staff-catalog-none = Catalogue: none (none from the backend, and no copy on this kiosk)
staff-reviews-current = Guides: all checked within { $months } months (oldest check { $oldest })
staff-reviews-overdue = Guides overdue for review: { $overdue } of { $total } (not checked for { $months } months; oldest check { $oldest })
staff-phone-link-unset = Warning: handoff.public_url is not set, so QR codes link to this kiosk's loopback address, which phones cannot reach. Set an address phones can open.
staff-phone-link-loopback = Warning: handoff.public_url { $url } is a loopback address: phones cannot open the QR codes' links. Set an address phones can open.
staff-bookings-today = Bookings from this kiosk today: { $count }
staff-log = Log file: { $path }
staff-actions = Actions:
staff-reload = Reload configuration
staff-reset = Reset the session (back to the start)
staff-exit = Leave the kiosk program

## Accessibility
welcome-elderly = Elderly mode
welcome-screen-reader = Screen-reader mode
mode-on = on (choose again to turn off)
mode-off = off
welcome-idle = After { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
} without use the kiosk starts again; it asks you first.

## Search
welcome-search = Search
welcome-search-detail = type a name, a keyword or pinyin
crumb-search = Search
search-label = Search:
search-hint = Type in English, Chinese or pinyin (e.g. passport, shebao); ↑↓ to choose, Enter to open.
search-found = { $count ->
    [one] 1 service found
   *[other] { $count } services found
} (matches underlined):
search-none = Nothing found for “{ $query }”. Browse by category, or call { $phone }:
search-also-called = also called “{ $alias }”
