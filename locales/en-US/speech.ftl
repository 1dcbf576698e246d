# Spoken guidance (issue 19): keys, the hint and what speech says of itself.
# Every sentence spoken is on the screen too.
speech-hint = Press { $key } for speech
key-speech = Speech
key-speech-off = Speech off
key-speech-repeat = Repeat
speech-on = Speech is on. F5 repeats, F6 slower, F7 faster, F8 quieter, F9 louder, F1 turns it off.
speech-off = Speech is off.
speech-rate = { $limit ->
    [yes] { $rate ->
        [80] This is the slowest speed.
       *[other] This is the fastest speed.
    }
   *[no] Speed: { $rate } words a minute.
}
speech-volume = { $limit ->
    [yes] The volume is at its limit: { $volume }.
   *[no] Volume: { $volume }.
}
speech-unavailable = Speech cannot play on this terminal now. Please ask the staff for help.
# The staff screen, when espeak-ng or the audio player is missing.
staff-speech-off = Spoken guidance is off: { $reason }
