## Identity documents and phone numbers.
id-kind-resident = 居民身份证
id-kind-passport = 护照
id-kind-other = 其他证件（港澳台居民证件、外国人永久居留证等）
err-phone-missing = 错误：请填写手机号码
err-phone-format = 错误：请填写以 1 开头的 11 位手机号码
err-id-missing = 错误：请填写证件号码
err-id-format = 错误：居民身份证号码应为 18 位
err-id-checksum = 错误：身份证号码有误，请核对每一位（尤其是最后一位）
err-id-birth-date = 错误：身份证号码中的出生日期不对
err-id-region = 错误：身份证号码前两位不是省份代码
err-document-format = 错误：证件号码应为 5–20 位字母或数字
