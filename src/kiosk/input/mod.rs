//! Typing without a physical keyboard or an input method: the on-screen
//! keyboard (`keyboard`), and Chinese input built in — pinyin and the five
//! strokes (`ime`, over the character data in `dict`). Pure, like the rest
//! of the core.

pub mod dict;
pub mod ime;
pub mod keyboard;
