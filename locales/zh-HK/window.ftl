## The clerk's console at one window (onestop window).
