# 叫号屏 (onestop display): the hall's calling screen.
display-title = 叫号屏 · { $hall }
display-call = 请 { $number } 号到 { $window } 号窗口
display-recall = 重呼（第 { $calls } 次）
display-none = 尚未叫号
display-recent = 刚才叫号
display-recent-entry = { $number } → { $window } 号窗口
display-waiting = 等候人数
display-waiting-entry = { $queue } 队列 { $count } 人
display-link-live = 已连接后台，实时更新
display-link-connecting = 正在连接后台…
display-link-lost = 连接中断 — 正在重连…（显示的可能不是最新情况）
display-link-stale = 暂时读不到后台的队列 — 正在重试…（显示的可能不是最新情况）
display-speech-off-missing = 语音播报已关闭：未安装 { $program }
display-speech-off = 语音播报已关闭
display-no-hall = 后台没有大厅 { $hall }。它的大厅：{ $halls }
display-keys = F2 语言 · Q 退出
display-too-small = 屏幕太小（{ $width }×{ $height }）：至少需要 40×12。
display-no-backend = onestop display 需要后台地址：用 --backend URL 指定，或在配置中设置 backend.url（例如 http://10.0.0.5:8080）。
# Spoken: 请 A023 号到 3 号窗口 (the number is spelled out between).
display-say-before = 请
display-say-after = 号到 { $window } 号窗口
