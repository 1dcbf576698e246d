## The hall visit at the kiosk: taking a number (取号) and checking a booking in (签到).

welcome-take-number = 取籌
welcome-take-number-detail = 現場輪候：選擇事項，領取籌號
welcome-take-number-offline = 暫時無法取籌：請到服務台取籌
welcome-check-in = 預約登記
welcome-check-in-detail = 已預約的請在這裏登記，優先叫號
welcome-check-in-offline = 暫時無法登記：請到服務台登記
banner-take-number = 取籌
banner-ticket = 您的籌號
banner-check-in = 預約登記
crumb-take-number = 取籌
crumb-priority = 優先
crumb-ticket = 您的籌號
crumb-check-in = 預約登記

take-number-title = 取籌
take-number-heading = 取籌：請選擇查找事項的方式
take-number-personal-detail = 按主題查找個人事項
take-number-business-detail = 按主題查找企業事項
take-number-loading = 正在查詢本大廳的輪候情況…

priority-heading = 您是否屬於以下優先辦理人士？工作人員會在窗口核實
priority-no = 不屬於，正常輪候
priority-checked = 請在窗口出示相關證件

check-in-heading = 預約登記：請輸入預約編號及預約時所填手機號碼的最後四位：
check-in-sending = 正在登記…

visit-offline = 暫時無法連接大廳的輪候系統（{ $reason }），本機無法發籌。請到大廳服務台取籌：{ $address }
visit-at-desk = 本大廳的籌號由服務台發放，本機不發籌。請到服務台取籌：{ $address }
visit-service-at-desk = 這個事項的籌號由服務台發放，本機不發籌。請到服務台取籌：{ $address }
visit-closed-today = 本大廳今天不辦公，不發籌。
visit-before-hours = 尚未開始發籌：今天 { $time } 起發籌。
visit-after-hours = 今天的發籌已結束（發籌至 { $time }），請於下一個工作日再來。
visit-daily-cap = 這個事項今天的籌號已全部派完，請於下一個工作日再來，或先網上預約。
visit-numbers-exhausted = 這個事項今天已沒有可用的籌號，請向工作人員求助。

check-in-not-found = 預約編號或手機號碼最後四位不正確，請核對後再試。
check-in-too-early = 尚未到登記時間：由 { $date } { $time } 起可以登記。
check-in-too-late = 已過登記時間：預約時段已於 { $date } { $time } 結束。請現場取籌，或重新預約。
check-in-cancelled = 這個預約已取消，無法登記。請現場取籌，或重新預約。
check-in-other-hall = 這個預約在另一個大廳：{ $hall }（{ $address }），請到那裏登記。
check-in-already = 這個預約已經登記過，籌號是 { $number }，請留意叫號。
check-in-too-many-tries = 這個預約的錯誤次數過多。為保障您的資料，請於 { $minutes } 分鐘後再試，或向工作人員求助。

ticket-taking = 正在取籌…
ticket-refused-heading = 未能取籌
ticket-heading = 取籌成功，請留意叫號
ticket-checked-in = 已登記：您將先於現場取籌者被叫號
ticket-number = 您的籌號：{ $number }，{ $queue }
ticket-ahead = 前面還有 { $count } 人
ticket-wait-minutes = 預計等候：約 { $low }–{ $high } 分鐘
ticket-wait-no-window = 預計等候：現在無法估計（暫無窗口開放）
ticket-wait-unknown = 預計等候：今天暫無估計
ticket-windows = 辦理窗口：{ $windows } 號
ticket-priority-check = 優先：請向窗口工作人員出示相關證件
ticket-phone-hint = 按 P 顯示二維碼，用手機查看叫號進度
ticket-phone-heading = 用手機掃碼，隨時查看 { $number } 的叫號進度
