# 叫號屏 (onestop display): the hall's calling screen.
display-title = 叫號屏 · { $hall }
display-call = 請 { $number } 號到 { $window } 號窗口
display-recall = 重呼（第 { $calls } 次）
display-none = 尚未叫號
display-recent = 剛才叫號
display-recent-entry = { $number } → { $window } 號窗口
display-waiting = 等候人數
display-waiting-entry = { $queue } 隊列 { $count } 人
display-link-live = 已連接後台，即時更新
display-link-connecting = 正在連接後台…
display-link-lost = 連接中斷 — 正在重新連接…（顯示的可能不是最新情況）
display-link-stale = 暫時讀不到後台的隊列 — 正在重試…（顯示的可能不是最新情況）
display-speech-off-missing = 語音播報已關閉：未安裝 { $program }
display-speech-off = 語音播報已關閉
display-no-hall = 後台沒有大廳 { $hall }。它的大廳：{ $halls }
display-keys = F2 語言 · Q 退出
display-too-small = 屏幕太小（{ $width }×{ $height }）：至少需要 40×12。
display-no-backend = onestop display 需要後台地址：用 --backend URL 指定，或在設定中設定 backend.url（例如 http://10.0.0.5:8080）。
# Spoken (in Mandarin, as every call): the number spelled out between.
display-say-before = 請
display-say-after = 號到 { $window } 號窗口
