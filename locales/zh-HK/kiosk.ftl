# onestop kiosk — 繁體中文（香港）

## 語言與標題列
lang-name = 繁體中文
hall-fallback = 政務服務中心
crumb-home = 首頁
audience-personal = 個人辦事
audience-business = 企業（法人）辦事
language-current = 現時語言
list-separator = 、

## 固定訊息行
notice-still-loading = 正在載入服務目錄，請稍後再試。
notice-unavailable = 提示：{ $reason }，現時顯示的是早前儲存的資料。
notice-unavailable-retry = 錯誤：{ $reason }。請按 R 重試，或向工作人員求助。
error-offline = 暫時未能連接伺服器
error-timeout = 伺服器回應逾時
error-server = 伺服器暫時出現故障
error-bad-data = 收到的資料無法識別

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
menu-page = 第 { $page }/{ $pages } 頁 · PgDn 下一頁
too-small = 視窗太小（現時為 { $width }×{ $height }）。請將終端機視窗放大至最少 { $min_width }×{ $min_height }。

## 歡迎頁及清單
welcome-heading = 歡迎！請選擇您要辦理的服務：
categories-heading = 請選擇主題分類：
services-heading = 請選擇要辦理的服務事項：
service-online-tag = 可網上辦理

## 辦事指南
guide-department = 實施主體：{ $department }
guide-code = 事項編號：{ $code }
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
