## Identity documents and phone numbers.
## Official document names (回鄉證 and 台胞證 are what people say, not what the cards say).
id-kind-resident = 居民身份證
id-kind-hk-macao-permit = 港澳居民來往內地通行證
id-kind-taiwan-permit = 台灣居民來往大陸通行證
id-kind-residence-permit = 港澳台居民居住證
id-kind-permanent-residence = 外國人永久居留身份證
id-kind-passport = 護照
## The same, short enough to stand before the number on the check page.
id-kind-short-resident = 居民身份證
id-kind-short-hk-macao-permit = 港澳居民來往內地通行證
id-kind-short-taiwan-permit = 台灣居民來往大陸通行證
id-kind-short-residence-permit = 港澳台居民居住證
id-kind-short-permanent-residence = 外國人永久居留身份證
id-kind-short-passport = 護照
err-phone-missing = 錯誤：請填寫手機號碼
err-phone-format = 錯誤：請填 11 位手機號碼；非內地號碼以 + 及區號開頭
err-phone-not-mobile = 錯誤：請填寫手機號碼，不接受固網電話
err-id-missing = 錯誤：請填寫證件號碼
err-id-format = 錯誤：居民身份證號碼應為 18 位
err-id-checksum = 錯誤：居民身份證號碼有誤，請逐位核對（尤其是最後一位）
err-id-birth-date = 錯誤：居民身份證號碼中的出生日期不正確
err-id-region = 錯誤：身份證號碼前兩位不是省份代碼
## What each kind of number looks like, said when it is not that.
err-document-format = 錯誤：護照號碼應為 5–20 位英文字母或數字
err-document-hk-macao-permit = 錯誤：應為 H 或 M 加 8 位數字（舊證為 10 位數字）
err-document-taiwan-permit = 錯誤：應為 8 位數字（舊證為 10 位數字）
err-document-residence-permit = 錯誤：應為 18 位，以 810000、820000 或 830000 開頭
err-document-permanent-residence = 錯誤：應為以 9 開頭的 18 位，或 3 個英文字母加 12 位數字
err-document-checksum = 錯誤：證件號碼有誤，請逐位核對（尤其是最後一位）
err-document-birth-date = 錯誤：證件號碼中的出生日期不正確
err-document-region = 錯誤：證件號碼中的省份代碼不正確
## Time limits counted in calendar days, or done on the spot (beside the
## working-day wording of the guide).
statutory-calendar-days = 法定辦結時限：{ $days } 個曆日
statutory-on-the-spot = 法定辦結時限：即場辦結
promised-calendar-days = 承諾辦結時限：{ $days } 個曆日
## The company a booking is for, where the service asks (company registration).
field-company = 企業名稱
err-company-missing = 錯誤：請填寫企業名稱
err-company-format = 錯誤：企業名稱只可以是文字、數字和常用符號，最多 60 個字
booking-company = 企業名稱：{ $company }
