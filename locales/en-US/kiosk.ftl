# onestop kiosk — English (US)

## Language and title bar
lang-name = English
hall-fallback = Government Service Centre
crumb-home = Start
audience-personal = For individuals
audience-business = For businesses
language-current = current language
list-separator = {", "}

## The fixed message line
notice-still-loading = The service list is still loading. Please try again in a moment.
notice-unavailable = Note: { $reason }; you are seeing the information saved earlier.
notice-unavailable-retry = Error: { $reason }. Press R to try again, or ask a member of staff.
error-offline = the server cannot be reached right now
error-timeout = the server took too long to answer
error-server = the server has a temporary problem
error-bad-data = the server sent data we could not read

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
menu-page = Page { $page } of { $pages } · PgDn next page
too-small = This window is too small ({ $width }×{ $height }). Please make the terminal at least { $min_width }×{ $min_height }.

## Welcome and lists
welcome-heading = Welcome. What would you like to do?
categories-heading = Choose a category:
services-heading = Choose a service:
service-online-tag = can be done online

## Service guide
guide-department = Responsible department: { $department }
guide-code = Item code: { $code }
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
promised-days = Promised time limit: { $days ->
    [one] 1 working day
   *[other] { $days } working days
}
promised-on-the-spot = Promised time limit: settled on the spot
guide-visits = Visits in person
visits = { $count ->
    [0] No visit needed
    [one] At most 1 visit
   *[other] At most { $count } visits
}
guide-where = Where and when
guide-phones = Enquiries and complaints
enquiry-phone = Enquiries phone: { $phone }
complaint-phone = Complaints phone: { $phone }
