## The phone pages (/m/…): plain pages a phone opens from the kiosk's QR code.
m-booking = 您的預約
m-call = 如有查詢，請致電服務中心：{ $phone }
m-back = 返回預約

## Cancelling: a link on the booking, then a page that asks first.
m-cancel-link = 取消這個預約…
m-confirm-title = 確定要取消這個預約嗎？
m-confirm-body = 取消後名額會讓給其他人，且無法恢復。
m-cancel-prompt = 預約時所填手機號碼的最後四位：
m-cancel-digits = 請輸入4位數字。
m-confirm-yes = 是，取消預約
m-confirm-no = 不取消，保留預約
m-cancelled-title = 預約已取消
m-cancelled = 預約已取消，名額已釋出。
m-refused-title = 未能取消
m-cancel-refused = 手機號碼最後四位不符，或預約已不存在。請核對預約時所填手機號碼的最後四位後再試。
m-try-again = 重新輸入

## Error pages: a heading, what to do, and the hall's phone.
m-gone-title = 連結已失效
m-gone-body = 此二維碼已過期或不存在。請回到自助服務終端重新掃碼，或致電服務中心查詢。
m-missing-title = 找不到此頁面
m-missing-body = 此地址沒有頁面。請回到自助服務終端重新掃碼。
m-busy-title = 請稍後再試
m-busy-body = 請求過於頻繁，請一分鐘後再試。
m-locked-title = 輸入錯誤次數過多
m-locked-body = 手機號碼最後四位輸入錯誤次數過多，{ $minutes } 分鐘內不能在此修改這個預約。請稍後再試，或致電服務中心。
m-unreadable-title = 無法讀取此請求
m-unreadable-body = 請重新打開自助服務終端二維碼中的連結，並使用頁面上的按鈕操作。
m-error-title = 出了點問題
m-error-body = 頁面暫時無法顯示，請稍後再試。

## A ticket (取號) followed on the phone: numbers only, the page refreshes itself.
m-ticket-title = 您的籌號：{ $number }
m-ticket-queue = 隊列：{ $queue }
m-ticket-waiting = { $ahead ->
    [0] 下一位就是您。
   *[other] 您前面還有 { $ahead } 人。
}
m-ticket-estimate = 預計等候：{ $low } 至 { $high } 分鐘。
m-ticket-estimate-up-to = 預計等候：不超過 { $high } 分鐘。
m-ticket-no-window = 預計等候：暫時未能估計，此隊列的窗口尚未開放。
m-ticket-unknown = 預計等候：暫時未能估計，此隊列今天尚未辦結業務。
m-ticket-near = 快輪到您了，請在窗口附近等候。
m-ticket-windows = 叫號窗口：{ $windows }
m-ticket-called = 輪到您了，請到 { $window } 號窗口。
m-ticket-serving = 您正在 { $window } 號窗口辦理。
m-ticket-missed = 您的籌號已在 { $window } 號窗口叫過，但您不在（過號）。請到 { $window } 號窗口或詢問工作人員：在一定時間內可以重新輪候。
m-ticket-served = 已辦理。多謝您的光臨。
m-ticket-gone = 此籌號已不再顯示，請詢問工作人員。
m-ticket-updated = 更新於 { $time }。
m-ticket-refresh = 本頁每 { $seconds } 秒自動更新。
m-ticket-hold-still = 停止自動更新
m-ticket-resume = 恢復自動更新
