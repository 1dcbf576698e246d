# The staff screen's pages (issue 17): ratings, reports of mistakes, charts.
staff-tab-facts = Overview
staff-tab-ratings = Ratings
staff-tab-reports = Reports
staff-tab-charts = Charts
staff-refresh = Refresh today's figures
key-staff-pages = Pages
key-staff-next = Next
key-staff-refresh = Refresh
staff-figures-loading = Reading today's figures…
staff-more-below = ↓ { $count } more below (↓ or PgDn)
staff-page-end = End of the page (↑ or PgUp to look back)
staff-refused-no-token = The backend asks for a staff token to show these figures, and this kiosk has none: make one for this hall on the backend with onestop token create --role staff, set it as backend.staff_token in this kiosk's configuration, and restart the kiosk program.
staff-refused-token = The backend does not accept the staff token set on this kiosk (backend.staff_token): it is unknown or revoked. Make a new one.
staff-refused-not-staff = The backend.staff_token set on this kiosk is not a staff token: it is another role's.
staff-refused-other-hall = The staff token set on this kiosk is another hall's: it cannot read the figures of hall { $hall }.
staff-refused-no-hall = The backend has no hall { $hall }: check kiosk.hall.
staff-refused-fetch = Today's figures cannot be read right now: { $reason }. Press R to try again.
staff-day-summary = { $day }: { $count } { $count ->
        [one] rating
       *[other] ratings
    }, { $bad } of them bad (dissatisfied or very dissatisfied): { $share }.
staff-heading-bad = Bad ratings, to follow up:
staff-heading-windows = Per window:
staff-heading-services = Per service:
staff-window = Window { $window }: { $count } { $count ->
        [one] rating
       *[other] ratings
    }, { $bad } bad ({ $share })
staff-service = { $service }: { $count } { $count ->
        [one] rating
       *[other] ratings
    }, { $bad } bad ({ $share })
staff-bad = { $time } number { $number } · window { $window } · { $service } · { $level } · reason: { $reason }
staff-own-words = { $line } · in their words: "{ $text }"
staff-no-ratings = No ratings yet today.
staff-no-bad = No bad ratings today.
staff-reports-summary = { $count } { $count ->
        [one] report of a mistake
       *[other] reports of mistakes
    }, about { $guides } { $guides ->
        [one] service guide
       *[other] service guides
    }.
staff-heading-guides = Reports per service guide:
staff-heading-latest = Newest reports:
staff-guide = { $service }: { $count }
staff-report = { $time } · { $service } · { $what }
staff-no-reports = Nobody has reported a mistake in a service guide yet.
staff-heading-hours = Tickets issued per hour:
staff-hour = { $hour } { $count } { $count ->
        [one] ticket
       *[other] tickets
    }
staff-no-tickets = No numbers taken today yet.
staff-heading-wait = Mean wait per queue (from taking a number to the start of service):
staff-queue = { $queue }: mean wait { $minutes } min ({ $issued } issued, { $started } served)
staff-queue-unserved = { $queue }: { $issued } issued, nobody served yet
staff-heading-levels = Share of each rating level per window:
staff-levels = Window { $window }: { $shares }
staff-level-share = { $level } { $count } ({ $share })
staff-list-separator = ,{" "}
staff-chart-minutes = { $minutes } min
staff-chart-key = Key: { $key }
staff-chart-window = Window { $window }
staff-level-very-satisfied = very satisfied
staff-level-satisfied = satisfied
staff-level-fairly-satisfied = fairly satisfied
staff-level-dissatisfied = dissatisfied
staff-level-very-dissatisfied = very dissatisfied
staff-reason-slow = waiting or service too slow
staff-reason-attitude = unhelpful attitude
staff-reason-asked-again = asked for materials again
staff-reason-not-done = the matter was not done
staff-reason-unclear = unclear information
staff-reason-other = other
staff-wrong-materials = required materials are wrong
staff-wrong-fees = fees are wrong
staff-wrong-time-limits = time limits are wrong
staff-wrong-place-and-hours = place or hours are wrong
staff-wrong-other = something else is wrong
