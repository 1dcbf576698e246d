## 評價（好差評）與報告錯誤（找錯）：自助終端上的評價和指南糾錯。

welcome-rate = 評價
welcome-rate-detail = 在窗口辦完了？請為這次服務評分
welcome-rate-offline = 現在不能評價：可稍後掃籌號上的二維碼在手機上評價
banner-rate = 評價
banner-report = 報告錯誤
crumb-rate = 評價
crumb-rate-service = 辦理事項
crumb-rate-level = 滿意度
crumb-rate-reason = 原因
crumb-words = 補充說明
crumb-sent = 結果
crumb-report = 報告錯誤

key-report = 報告錯誤
key-send = 發送
key-done = 完成
key-back-to-guide = 回到指南

rate-number-heading = 評價：請輸入籌號紙上印的籌號（一個字母加三位數字，如 A023），或掃描籌號紙上的二維碼。
rate-number-after-link = 已讀取籌號的手機頁連結。請再輸入籌號紙上印的籌號（如 A023）。
field-ticket-number = 籌號
rate-number-format = 籌號是一個字母加三位數字，例如 A023。請核對籌號紙。
rate-no-such-queue = 本中心沒有這個字母開頭的籌號。本中心籌號的字母是：{ $letters }。
rate-bad-link = 這不是籌號的手機頁連結。請輸入籌號紙上印的籌號。
rate-link-read = 連結已讀取。請輸入籌號紙上印的籌號，然後按「繼續」。
rate-waiting = 正在查詢中心的隊列，請稍等片刻再按「繼續」。
rate-offline = 評價需要連接網絡，本機現在連不上伺服器。您也可以稍後掃描籌號紙上的二維碼，在手機上評價。

rate-service-heading = 籌號 { $number }：您辦理的是哪項服務？
rate-level-heading = 籌號 { $number }：您對這次服務滿意嗎？
level-very-satisfied = 非常滿意
level-satisfied = 滿意
level-fairly-satisfied = 基本滿意
level-dissatisfied = 不滿意
level-very-dissatisfied = 非常不滿意
rate-reason-heading = 請選擇不滿意的主要原因（必選一項）：
reason-slow = 等候或辦理太慢
reason-attitude = 服務態度不好
reason-asked-again = 要求重複提交材料
reason-not-done = 事情沒有辦成
reason-unclear = 告知不清楚
reason-other = 其他原因
rate-words-heading = 還有想說的嗎？可以不寫，直接按「發送」（最多 200 字）。
field-own-words = 您的意見
words-count = 已寫 { $count } 字，最多 { $max } 字

rate-sending = 正在發送您的評價…
rate-thanks = 謝謝您的評價！您的意見幫助我們把服務做得更好。
rate-thanks-bad = 謝謝您的評價。中心會跟進您反映的問題，改進服務。
rate-back-soon = 稍後自動回到首頁；按 Enter 立即返回。
rate-after-refusal = 按 Esc 返回重新輸入籌號，按 Enter 回到首頁。
rate-already = 這次辦事已經評價過了，每次辦事只能評價一次。謝謝您！
rate-not-finished = 這個籌號還沒有在窗口辦完。請辦完後再來評價。
rate-closed = 這次辦事已經過了可以評價的期限，不能再評價了。
rate-not-found = 今天沒有找到這個籌號（或掃描的連結不是這張籌號紙的）。請核對籌號紙上的籌號。
rate-too-many = 嘗試的次數太多了。為了安全，請 { $minutes } 分鐘後再試，或詢問工作人員。
rate-invalid = 伺服器沒有接受這次評價。請詢問工作人員。
rate-fetch = 沒有發送成功（{ $reason }）。您也可以稍後掃描籌號紙上的二維碼，在手機上評價。

report-what-heading = 報告錯誤：「{ $service }」的辦事指南哪裏不對？
wrong-materials = 申請材料不對
wrong-fees = 收費不對
wrong-time-limits = 辦理時限不對
wrong-place-and-hours = 地點或辦公時間不對
wrong-other = 其他錯誤
report-words-heading = 請說說哪裏不對（可以不寫，直接按「發送」，最多 200 字）。請不要寫個人資料。
field-report-words = 說明
report-sending = 正在發送…
report-thanks = 謝謝您！工作人員會核對這份辦事指南並及時更正。
report-back-soon = 稍後自動回到辦事指南；按 Enter 立即返回。
report-after-refusal = 按 Esc 返回重新發送，按 Enter 回到辦事指南。
report-too-many = 剛才報告得太多了，請過一分鐘再試。
