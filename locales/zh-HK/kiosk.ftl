# onestop kiosk — 繁體中文（香港）

## 語言與標題列
lang-name = 繁體中文
hall-fallback = 政務服務中心
crumb-home = 首頁
audience-personal = 個人辦事
audience-business = 企業（法人）辦事
language-current = 現時語言
list-separator = 、

## 長者模式的大字標題（每種語言都要在 78 欄內放得下：漢字 16 欄，字母 8 欄）
banner-welcome = 歡迎
banner-personal = 個人辦事
banner-business = 企業辦事
banner-services = 選擇服務
banner-guide = 辦事指南
banner-hall = 選擇中心
banner-date = 選擇日期
banner-slot = 選擇時段
banner-details = 填寫資料
banner-check = 核對資料
banner-done = 預約成功
banner-lookup = 我的預約
banner-lookup-result = 預約詳情
banner-staff = 工作人員
banner-search = 搜尋
banner-idle = 還在嗎？

## 固定訊息行
notice-still-loading = 正在載入服務目錄，請稍後再試。
notice-unavailable = 提示：{ $reason }，現時顯示的是早前儲存的資料。
notice-unavailable-retry = 錯誤：{ $reason }。請按 R 重試，或向工作人員求助。
notice-nothing-to-open = 無法開啟服務：{ $reason }，本機亦沒有儲存的服務目錄。請按 R 重試，或{ $has_phone ->
    [yes] 致電 { $phone } 查詢。
   *[no] 向工作人員查詢。
}
error-offline = 暫時未能連接伺服器
error-timeout = 伺服器回應逾時
error-server = 伺服器暫時出現故障
error-bad-data = 收到的資料無法識別
error-unregistered = 本機尚未在伺服器登記，請聯絡職員

## 狀態列
key-select = 選擇
key-pick = 直接選
key-open = 確認
key-scroll = 翻閱
key-back = 返回
key-home = 首頁
key-retry = 重試
key-quit = 退出
help-phone = 需要協助？請致電服務中心電話 { $phone }，或向工作人員查詢。
menu-page = 第 { $page }/{ $pages } 頁 · { $where ->
    [first] PgDn 下一頁
    [last] PgUp 上一頁
   *[middle] PgUp 上一頁 · PgDn 下一頁
}
too-small = 視窗太小（現時為 { $width }×{ $height }）。請將終端機視窗放大至最少 { $min_width }×{ $min_height }。

## 歡迎頁及清單
welcome-heading = 歡迎！請選擇您要辦理的服務：
welcome-browse-unavailable = 暫時無法開啟（未取得服務目錄）
categories-heading = 請選擇主題分類：
services-heading = 請選擇要辦理的服務事項：
service-online-tag = 可網上辦理

## 辦事指南
guide-department = 實施主體：{ $department }
guide-code = 事項編號：{ $code }
guide-reviewed = 資料核對於 { $date }
online-yes = 可網上辦理
online-no = 須親臨服務中心辦理
cross-province-yes = 支援跨省通辦
cross-province-no = 不支援跨省通辦
guide-conditions = 受理條件
guide-materials = 申請材料（共 { $count } 項）
material-original = 正本
material-copy = 副本
material-original-and-copy = 正本及副本
material-form = { $form } { $copies } 份
medium-paper = 紙本
medium-electronic = 電子
medium-either = 紙本或電子均可
material-e-licence = 可用電子證照代替
material-conditional = 視乎情況提供
material-source = 來源：{ $source }
material-notes = 備註：{ $notes }
guide-fees = 收費
fees-none = 免費
fee-item = { $item }：{ $amount } 元
guide-time-limits = 辦理時限
statutory-days = 法定辦結時限：{ $days } 個工作天
promised-days = 承諾辦結時限：{ $days } 個工作天
promised-on-the-spot = 承諾辦結時限：即辦（即場辦結）
guide-visits = 到現場次數
visits = { $count ->
    [0] 無須到現場
   *[other] 最多到現場 { $count } 次
}
guide-where = 辦理地點及時間
guide-phones = 查詢及投訴
enquiry-phone = 查詢電話：{ $phone }
complaint-phone = 投訴電話：{ $phone }

## 預約
key-book = 預約辦理
key-next-field = 下一項
key-change = 切換
key-continue = 繼續
crumb-book-hall = 選擇服務中心
crumb-book-date = 選擇日期
crumb-book-slot = 選擇預約時段
crumb-book-details = 填寫資料
crumb-book-check = 核對資料
crumb-book-done = 預約成功
crumb-lookup = 我的預約
crumb-lookup-result = 預約詳情
welcome-my-booking = 我的預約
welcome-my-booking-detail = 查詢或取消已作出的預約
loading = 正在查詢，請稍候…
load-failed = 錯誤：{ $reason }。請按 R 重試。
book-hall-heading = 您想在哪個服務中心辦理？
zone-name = { $zone ->
    [shanghai] 北京時間
    [urumqi] 烏魯木齊時間
   *[other] 當地時間 { $id }
}
book-date-heading = 請選擇日期（{ $hall }，{ $zone }）：
book-slot-heading = 請選擇預約時段 · { $day } · { $hall }（{ $zone }）：
book-slot-holding = 正在為您暫留名額，請稍候…
book-slot-none = { $day }已沒有可預約的時段，請按 Esc 另選日期。
day-closed = 休息
day-full = 已額滿
slot-full = 已額滿
places-left = 剩餘名額 { $count } 個
day-label = { $month }{ $day }日（{ $weekday }）
full-date = { $year }年{ $month }{ $day }日
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月
weekday-1 = 星期一
weekday-2 = 星期二
weekday-3 = 星期三
weekday-4 = 星期四
weekday-5 = 星期五
weekday-6 = 星期六
weekday-7 = 星期日
book-details-heading = 請填寫預約人資料（按 Tab 或 ↓ 移至下一項）：
hold-minutes = 名額已為您暫留，約 { $minutes } 分鐘內有效。
error-summary = 錯誤：有 { $count } 項需要更正，請參閱下方標示。
field-name = 姓名
field-phone = 手機號碼
field-id-kind = 證件類型
field-id-number = 證件號碼
field-time = 時間
err-name-missing = 錯誤：請填寫姓名
err-name-format = 錯誤：姓名只可以是文字（不含數字、符號），最多 40 個字
check-heading = 請核對預約資料（{ $service }）：
check-answer = { $label }：{ $value }
check-confirm = 資料無誤，提交預約
check-change = 更改
check-sending = 正在提交預約，請稍候…
done-heading = 預約成功！請記下您的預約編號：
done-bring = 辦理時請帶備：
booking-code = 預約編號：{ $code }
booking-service = 事項：{ $service }
booking-when = 時間：{ $day } { $start }–{ $end }（{ $zone }）
booking-where = 地點：{ $place }（{ $address }）
booking-person = 預約人：{ $name } · 手機 { $phone } · 證件 { $id }
notice-day-unavailable = 當天不能預約（休息或已額滿），請另選日期。
notice-slot-full = 這個時段已額滿，請另選其他時段。
notice-slot-taken = 抱歉，這個時段剛剛已額滿。請從最新的時段中重新選擇。
notice-hold-expired = 為您暫留的名額已逾時。請重新選擇預約時段，您填寫的資料仍然保留。
notice-already-booked = 您當天已預約過這項服務：每個證件每天只可預約一次。
notice-too-many-bookings = 此證件未辦理的預約已達上限。請先取消一個預約，或向職員查詢。
notice-invalid = 有一項資料未能通過核實，請檢查後再試。
notice-not-found = 找不到這個預約。請核對預約編號及手機號碼後四位。
notice-refused = 請求未獲受理，請向工作人員求助。
notice-too-many-tries = 這個預約的查詢錯誤次數過多。為保障您的資料，請於 { $minutes } 分鐘後再試，或向工作人員求助。
notice-network-retry = 錯誤：{ $reason }，預約未提交。您填寫的資料仍然保留，請再按一次 Enter 重試。
notice-cancelled = 預約已取消，名額已釋出。

## 我的預約
lookup-heading = 請輸入預約編號及預約時所填手機號碼的後四位：
lookup-searching = 正在查詢，請稍候…
field-code = 預約編號（8 位）
field-last4 = 手機號碼後四位
err-code-missing = 錯誤：請填寫預約編號
err-code-format = 錯誤：預約編號由 8 位英文字母及數字組成
err-last4-missing = 錯誤：請填寫手機號碼後四位
err-last4-format = 錯誤：請填寫 4 位數字
status-active = 預約有效
status-cancelled = 此預約已取消
lookup-cancel = 取消這個預約
lookup-cancel-question = 確定要取消嗎？取消後名額會讓給其他人。
lookup-cancel-yes = 是，取消預約
lookup-cancel-no = 不取消，保留預約

## 手機頁面（掃碼繼續辦理）

## 掃碼繼續辦理
key-phone = 手機掃碼
phone-making = 正在產生二維碼…
phone-failed = 暫時無法產生二維碼（{ $reason }）。
phone-scan = { $booking ->
    [yes] 掃碼帶走預約資料和材料清單（30 分鐘內有效）：
   *[no] 掃碼帶走材料清單（30 分鐘內有效）：
}
phone-too-small = 視窗太小，無法顯示可掃描的二維碼。請在手機瀏覽器輸入以下網址：

## 離線、閒置與工作人員
notice-booking-offline = 暫時無法網上預約（未能連接伺服器）。您可致電 { $phone } 預約，或稍後到 { $address } 辦理。
notice-config-reloaded = 設定已重新載入。
notice-config-rejected = 新設定有誤，繼續使用原設定：{ $problems }
idle-warning = 您已有一段時間沒有操作。為保障您的私隱，約 { $seconds } 秒後將返回首頁，已填寫的資料會被清除。按任何鍵繼續使用。
crumb-staff = 工作人員
staff-pin-heading = 工作人員：請輸入密碼後按 Enter。
staff-pin-label = 密碼
staff-pin-checking = 密碼（正在核對…）
staff-pin-wrong = 錯誤：密碼不正確，還可再試 { $left } 次。
staff-pin-locked = 錯誤：密碼錯誤次數過多，請 { $minutes } 分鐘後再試。
staff-pin-unset = 錯誤：本機未設定工作人員密碼（staff.pin_hash）。
staff-kiosk = 終端：{ $kiosk } · 服務中心：{ $hall } · 版本 { $version }
staff-backend = 後台：{ $url } · { $health }
staff-backend-up = 連接正常，回應 { $ms } 毫秒
staff-backend-down = 無法連接（{ $reason }）
staff-catalog = 服務目錄版本：{ $version } · 本機副本儲存於 { $age } 分鐘前
staff-catalog-offline = 服務目錄版本：{ $version }（離線，使用本機副本，儲存於 { $age } 分鐘前）
staff-catalog-version = 服務目錄版本：{ $version }
staff-catalog-unsaved = 服務目錄版本：{ $version } · 本機尚未有副本
staff-catalog-loading = 服務目錄：正在載入…
staff-catalog-unreadable = 服務目錄：無（本機副本儲存於 { $age } 分鐘前，但無法讀取，詳見日誌）
staff-catalog-none = 服務目錄：無（未能從後台取得，本機亦沒有副本）
staff-reviews-current = 辦事指南：均於 { $months } 個月內核對過（最早核對於 { $oldest }）
staff-reviews-overdue = 待覆核的辦事指南：{ $overdue } / { $total }（超過 { $months } 個月未核對；最早核對於 { $oldest }）
staff-phone-link-unset = 警告：未設定 handoff.public_url，二維碼連結指向本機的回送地址，手機無法開啟。請設定手機能夠連接的網址。
staff-phone-link-loopback = 警告：handoff.public_url（{ $url }）是回送地址，手機無法開啟二維碼連結。請設定手機能夠連接的網址。
staff-bookings-today = 本終端今日預約：{ $count }
staff-log = 日誌檔案：{ $path }
staff-actions = 操作：
staff-reload = 重新載入設定
staff-reset = 重設工作階段（返回首頁）
staff-exit = 退出自助終端程式

## 無障礙
welcome-elderly = 長者模式
welcome-screen-reader = 讀屏模式
mode-on = 已開啟（再按一次關閉）
mode-off = 已關閉
welcome-idle = 提示：無操作 { $minutes } 分鐘後返回首頁，返回首頁前會先提醒您。

## 搜尋
welcome-search = 搜尋服務
welcome-search-detail = 輸入名稱、拼音或首字母，如 sfz
crumb-search = 搜尋
search-label = 搜尋：
search-hint = 可輸入中文、拼音或拼音首字母（如 shebao、sfz），按 ↑↓ 選擇，Enter 開啟。
search-found = 找到 { $count } 項（相符的字加了底線）：
search-none = 找不到「{ $query }」。可按分類查找，或致電 { $phone } 查詢：
search-also-called = 又稱「{ $alias }」
