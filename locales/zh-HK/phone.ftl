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

## 好差评 on the ticket's page, once the visit is finished.
m-rate-title = 評價本次服務
m-rate-how = 您對本次服務滿意嗎？
m-rate-level-very-satisfied = 非常滿意
m-rate-level-satisfied = 滿意
m-rate-level-fairly-satisfied = 基本滿意
m-rate-level-dissatisfied = 不滿意
m-rate-level-very-dissatisfied = 非常不滿意
m-rate-why = 如選「不滿意」或「非常不滿意」，請選擇原因：
m-rate-reason-none = 不選原因（我滿意）
m-rate-reason-slow = 等候或辦理太慢
m-rate-reason-attitude = 服務態度不好
m-rate-reason-asked-again = 要求重複提交材料
m-rate-reason-not-done = 事情沒有辦成
m-rate-reason-unclear = 告知不清楚
m-rate-reason-other = 其他
m-rate-words = 您想說的話（選填，選了原因才可填寫，不超過 { $max } 字）：
m-rate-send = 提交評價
m-rate-back = 返回我的籌號
m-rate-thanks-title = 感謝您的評價
m-rate-given = 您對本次服務的評價：{ $level }。謝謝！
m-rate-choose-level = 請選擇您的滿意程度。
m-rate-needs-reason = 選「不滿意」或「非常不滿意」時，請選擇原因。
m-rate-reason-with-good = 只有「不滿意」或「非常不滿意」需要選擇原因：請改選這兩項之一，或選「不選原因」。
m-rate-text-rule = 您想說的話請不超過 { $max } 字，並只用普通文字。
m-rate-words-without-reason = 填寫您想說的話時，請同時選擇原因；或者不填。
m-rate-not-finished = 窗口辦結後才能評價本次服務。
m-rate-already = 本次服務已經評價過了，謝謝您！
m-rate-closed = 辦結後 { $days } 天內可以評價，現已超過期限。

## 找错: a link at the foot of the phone's guide, and its small form.
m-report-link = 報告錯誤：這份辦事指南有誤？
m-report-title = 報告錯誤
m-report-guide = 辦事指南：{ $service }
m-report-intro = 請告訴我們哪裏有誤，工作人員會核實並更正指南。請不要填寫姓名、電話號碼或證件號碼。
m-report-what = 哪裏有誤？
m-report-what-materials = 申請材料
m-report-what-fees = 收費
m-report-what-time-limits = 辦結時限
m-report-what-place-and-hours = 辦理地點或辦公時間
m-report-what-other = 其他
m-report-words = 正確的內容是甚麼？（選填，不超過 { $max } 字）
m-report-send = 提交
m-report-choose = 請選擇哪裏有誤。
m-report-thanks-title = 謝謝您
m-report-thanks = 已收到您的報告，工作人員會核實這份指南。
m-report-back = 返回辦事指南

## A policy document of the library (政策文件库) on the phone.
m-policy-in-force = 現行有效
m-policy-amended = 已修改
m-policy-repealed = 已廢止
m-policy-expired = 已失效
m-policy-notice-amended = 本文件已修改。
m-policy-notice-repealed = 本文件已廢止。
m-policy-notice-expired = 本文件已失效。
m-policy-now-applies = 現行適用的是：{ $title }
m-policy-no-replacement = 本文件庫中沒有取代它的文件，請向大廳工作人員查詢。
m-policy-index-number = 索引號
m-policy-title = 標題
m-policy-issuers = 發文機關
m-policy-doc-number = 發文字號
m-policy-written = 成文日期
m-policy-published = 發佈日期
m-policy-effective = 施行日期
m-policy-topic = 主題分類
m-policy-validity = 時效
m-policy-summary = 簡要說明
m-policy-interpretations = 政策解讀
m-policy-interpretation-of = { $date }解讀
m-policy-question = 問：{ $text }
m-policy-answer = 答：{ $text }
m-policy-example = 舉例：{ $text }
m-policy-services = 適用的服務事項
m-policy-source = 查看原文
m-policy-based-on = 依據
m-policy-missing-title = 找不到這份文件
m-policy-missing-body = 這個地址沒有政策文件。請回到自助服務終端重新掃碼。
