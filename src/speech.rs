//! Spoken guidance (issue 19): what the kiosk says, turned into pinyin or
//! English for espeak-ng, run as a subprocess. Being written.
