## The on-screen keyboard and pinyin input.
kb-clear = 清除
kb-language = 中/英
kb-to-strokes = 筆畫
kb-to-pinyin = 拼音
kb-space = 空格
kb-next = 下一項
kb-done = 完成
kb-type-pinyin = 請輸入拼音
kb-type-strokes = 按筆畫順序點
kb-stroke-heng = 橫
kb-stroke-shu = 豎
kb-stroke-pie = 撇
kb-stroke-dian = 點
kb-stroke-zhe = 折
key-keyboard = 鍵盤
hold-seconds = 名額還為您暫留 { $seconds } 秒，請盡快填寫。
notice-hold-ending = 為您暫留的名額還剩 1 分鐘。
