## The on-screen keyboard and pinyin input.
kb-clear = Clear
kb-language = 中/EN
kb-to-strokes = Strokes
kb-to-pinyin = Pinyin
kb-space = Space
kb-next = Next
kb-done = Done
kb-type-pinyin = Type pinyin
kb-type-strokes = Tap strokes
kb-stroke-heng = Flat
kb-stroke-shu = Down
kb-stroke-pie = Left
kb-stroke-dian = Dot
kb-stroke-zhe = Turn
key-keyboard = Keyboard
hold-seconds = Your place is kept for { $seconds } more seconds.
notice-hold-ending = One minute left: your place is kept for one more minute.
