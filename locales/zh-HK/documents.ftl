## Identity documents and phone numbers.
id-kind-resident = 居民身份證
id-kind-passport = 護照
id-kind-other = 其他證件（港澳台居民證件、外國人永久居留證等）
err-phone-missing = 錯誤：請填寫手機號碼
err-phone-format = 錯誤：請填寫以 1 開頭的 11 位手機號碼
err-id-missing = 錯誤：請填寫證件號碼
err-id-format = 錯誤：居民身份證號碼應為 18 位
err-id-checksum = 錯誤：居民身份證號碼有誤，請逐位核對（尤其是最後一位）
err-id-birth-date = 錯誤：居民身份證號碼中的出生日期不正確
err-id-region = 錯誤：身份證號碼前兩位不是省份代碼
err-document-format = 錯誤：證件號碼應為 5–20 位英文字母或數字
