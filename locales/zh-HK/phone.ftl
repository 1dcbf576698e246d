## The phone pages (/m/…).
m-booking = 您的預約
m-cancel-prompt = 如要取消預約，請輸入預約時所填手機號碼的最後四位：
m-cancelled = 預約已取消，名額已釋出。
m-cancel-refused = 未能取消：手機號碼最後四位不符，或預約已不存在。
m-back = 返回
m-gone-title = 連結已失效
m-gone-body = 此二維碼已過期或不存在。請回到自助服務終端重新掃碼，或致電服務中心查詢。
m-busy-title = 請稍後再試
m-busy-body = 請求過於頻繁，請一分鐘後再試。
