# The calling screen (onestop display).
display-title = Calling screen · { $hall }
display-call = { $number } → Window { $window }
display-recall = call again ({ $calls } calls)
display-none = No number called yet
display-recent = Recent calls
display-recent-entry = { $number } → Window { $window }
display-waiting = Waiting
display-waiting-entry = Queue { $queue }: { $count }
display-link-live = Connected to the backend, updated live
display-link-connecting = Connecting to the backend…
display-link-lost = connection lost — reconnecting… (what is shown may be out of date)
display-link-stale = The queues cannot be read just now — trying again… (what is shown may be out of date)
display-speech-off-missing = Speech is off: { $program } is not installed
display-speech-off = Speech is off
display-no-hall = The backend has no hall { $hall }. Its halls: { $halls }
display-keys = F2 language · Q quit
display-too-small = The screen is too small ({ $width }×{ $height }): it needs at least 40×12.
display-no-backend = onestop display needs the backend's address: give it with --backend URL, or set backend.url in the configuration (e.g. http://10.0.0.5:8080).
# Spoken: "Number A 0 2 3, please go to window 3".
display-say-before = Number
display-say-after = please go to window { $window }
