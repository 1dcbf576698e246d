## The on-screen keyboard and pinyin input.
kb-clear = 清空
kb-language = 中/英
kb-to-strokes = 笔画
kb-to-pinyin = 拼音
kb-space = 空格
kb-next = 下一项
kb-done = 完成
kb-type-pinyin = 请输入拼音
kb-type-strokes = 按笔画顺序点
kb-stroke-heng = 横
kb-stroke-shu = 竖
kb-stroke-pie = 撇
kb-stroke-dian = 点
kb-stroke-zhe = 折
key-keyboard = 键盘
hold-seconds = 名额还为您保留 { $seconds } 秒，请尽快填写。
notice-hold-ending = 为您保留的名额还剩 1 分钟。
