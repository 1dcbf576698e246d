## Rating a service (好差评) and reporting a mistake in a guide (找错) at the kiosk.

welcome-rate = Rate a service
welcome-rate-detail = finished at a window? tell us how it went
welcome-rate-offline = not now: rate later on your phone
banner-rate = Rate
banner-report = Report
crumb-rate = Rate a service
crumb-rate-service = Service
crumb-rate-level = Rating
crumb-rate-reason = Reason
crumb-words = Your words
crumb-sent = Result
crumb-report = Report a mistake

key-report = Report a mistake
key-send = Send
key-done = Done
key-back-to-guide = Back to the guide

rate-number-heading = Rate a service: type the number printed on your ticket (a letter and three digits, like A023), or scan the QR code on it.
rate-number-after-link = Your ticket's phone link was read. Now type the number printed on the ticket (like A023).
field-ticket-number = Number
rate-number-format = A number is a letter and three digits, like A023. Please check your ticket.
rate-no-such-queue = No number here begins with that letter. This hall's numbers begin with: { $letters }.
rate-bad-link = That is not a ticket's phone link. Please type the number printed on your ticket.
rate-link-read = The link was read. Now type the number printed on your ticket, then press Continue.
rate-waiting = Asking the hall's queues: please wait a moment, then press Continue again.
rate-offline = Rating needs the network, and this kiosk cannot reach the server now. You can also rate later on your phone: scan the QR code on your ticket.

rate-service-heading = Number { $number }: which service did you come for?
rate-level-heading = Number { $number }: how satisfied are you with the service?
level-very-satisfied = Very satisfied
level-satisfied = Satisfied
level-fairly-satisfied = Fairly satisfied
level-dissatisfied = Dissatisfied
level-very-dissatisfied = Very dissatisfied
rate-reason-heading = What was the main problem? (choose one)
reason-slow = The wait or the service was too slow
reason-attitude = The staff were unhelpful or impolite
reason-asked-again = I was asked for documents again
reason-not-done = My matter was not done
reason-unclear = What to do was not explained clearly
reason-other = Something else
rate-words-heading = Anything else to tell us? You may leave it empty and press Send (at most 200 characters).
field-own-words = Your words
words-count = { $count } of at most { $max } characters

rate-sending = Sending your rating…
rate-thanks = Thank you for your rating! It helps us serve you better.
rate-thanks-bad = Thank you for your rating. The hall will follow up what you told us.
rate-back-soon = Back to the start in a moment; press Enter to go now.
rate-after-refusal = Press Esc to type the number again, or Enter to go back to the start.
rate-already = This visit has been rated already: each visit is rated once. Thank you!
rate-not-finished = This number is not finished at its window yet. Please rate it once you are done.
rate-closed = This visit was too long ago: it can no longer be rated.
rate-not-found = No ticket with this number today (or the link scanned is not this ticket's). Please check the number on your ticket.
rate-too-many = Too many tries. For your safety, please try again in { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}, or ask the staff.
rate-invalid = The server did not accept this rating. Please ask the staff.
rate-fetch = Not sent ({ $reason }). You can also rate later on your phone: scan the QR code on your ticket.

report-what-heading = Report a mistake: what is wrong in the guide to “{ $service }”?
wrong-materials = The required materials
wrong-fees = The fees
wrong-time-limits = The time limits
wrong-place-and-hours = The place or the opening hours
wrong-other = Something else
report-words-heading = Tell us what is wrong (you may leave it empty and press Send; at most 200 characters). Please write nothing personal.
field-report-words = What is wrong
report-sending = Sending…
report-thanks = Thank you! The staff will check this guide and correct it.
report-back-soon = Back to the guide in a moment; press Enter to go now.
report-after-refusal = Press Esc to send again, or Enter to go back to the guide.
report-too-many = Many reports were just sent: please try again in a minute.
