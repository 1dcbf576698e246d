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

## 好差评 on the ticket's page, once the visit is finished.
m-rate-title = Rate this visit
m-rate-how = How satisfied are you with the service?
m-rate-level-very-satisfied = Very satisfied
m-rate-level-satisfied = Satisfied
m-rate-level-fairly-satisfied = Fairly satisfied
m-rate-level-dissatisfied = Dissatisfied
m-rate-level-very-dissatisfied = Very dissatisfied
m-rate-why = If dissatisfied or very dissatisfied: what went wrong?
m-rate-reason-none = No reason (I am satisfied)
m-rate-reason-slow = The wait or the service was too slow
m-rate-reason-attitude = The staff were unfriendly
m-rate-reason-asked-again = I was asked for the same materials again
m-rate-reason-not-done = My matter was not dealt with
m-rate-reason-unclear = I was not told clearly what to do
m-rate-reason-other = Something else
m-rate-words = In your own words (optional, at most { $max } characters, with a reason):
m-rate-send = Send my rating
m-rate-back = Back to my number
m-rate-thanks-title = Thank you for your rating
m-rate-given = You rated this visit: { $level }. Thank you.
m-rate-choose-level = Please choose how satisfied you are.
m-rate-needs-reason = For "Dissatisfied" or "Very dissatisfied", please choose what went wrong.
m-rate-reason-with-good = A reason goes only with "Dissatisfied" or "Very dissatisfied": choose one of those, or "No reason".
m-rate-text-rule = Please keep your words to { $max } characters of plain text.
m-rate-words-without-reason = Your own words go with a reason: choose what went wrong, or leave the words out.
m-rate-not-finished = This visit can be rated once it is finished at the window.
m-rate-already = This visit is rated already. Thank you!
m-rate-closed = { $days ->
    [one] A visit can be rated for one day after it is finished, and that time has passed.
   *[other] A visit can be rated for { $days } days after it is finished, and that time has passed.
}

## 找错: a link at the foot of the phone's guide, and its small form.
m-report-link = Report a mistake in this guide
m-report-title = Report a mistake
m-report-guide = Guide: { $service }
m-report-intro = Tell us what is wrong, and staff will check and correct the guide. Please do not write your name, phone number or ID number.
m-report-what = What is wrong?
m-report-what-materials = The required materials
m-report-what-fees = The fees
m-report-what-time-limits = The time limits
m-report-what-place-and-hours = The place or opening hours
m-report-what-other = Something else
m-report-words = What should it say? (optional, at most { $max } characters)
m-report-send = Send the report
m-report-choose = Please choose what is wrong.
m-report-thanks-title = Thank you
m-report-thanks = Your report has been sent. Staff will check the guide.
m-report-back = Back to the guide

## A policy document of the library (政策文件库) on the phone.
m-policy-in-force = In force
m-policy-amended = Amended
m-policy-repealed = Repealed
m-policy-expired = Expired
m-policy-notice-amended = This document has been amended.
m-policy-notice-repealed = This document has been repealed.
m-policy-notice-expired = This document has expired.
m-policy-now-applies = What applies now: { $title }
m-policy-no-replacement = No document in this library takes its place; please ask the hall.
m-policy-index-number = Index number
m-policy-title = Title
m-policy-issuers = Issued by
m-policy-doc-number = Document number
m-policy-written = Adopted on
m-policy-published = Published on
m-policy-effective = In effect from
m-policy-topic = Category
m-policy-validity = Validity
m-policy-summary = In plain words
m-policy-interpretations = Interpretations
m-policy-interpretation-of = Interpretation of { $date }
m-policy-question = Q: { $text }
m-policy-answer = A: { $text }
m-policy-example = For example: { $text }
m-policy-services = Services it governs
m-policy-source = Read the official text
m-policy-based-on = Based on
m-policy-missing-title = Document not found
m-policy-missing-body = There is no policy document at this address. Please scan the QR code at the kiosk again.
