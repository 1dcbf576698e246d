## Identity documents and phone numbers.
id-kind-resident = 居民身份证
id-kind-hk-macao-permit = 港澳居民来往内地通行证
id-kind-taiwan-permit = 台湾居民来往大陆通行证
id-kind-residence-permit = 港澳台居民居住证
id-kind-permanent-residence = 外国人永久居留身份证
id-kind-passport = 护照
## The same, short enough to stand before the number on the check page.
id-kind-short-resident = 居民身份证
id-kind-short-hk-macao-permit = 港澳居民来往内地通行证
id-kind-short-taiwan-permit = 台湾居民来往大陆通行证
id-kind-short-residence-permit = 港澳台居民居住证
id-kind-short-permanent-residence = 外国人永久居留身份证
id-kind-short-passport = 护照
err-phone-missing = 错误：请填写手机号码
err-phone-format = 错误：请填写 11 位手机号码，境外号码以 + 国际区号开头
err-phone-not-mobile = 错误：请填写手机号码，不能是固定电话
err-id-missing = 错误：请填写证件号码
err-id-format = 错误：居民身份证号码应为 18 位
err-id-checksum = 错误：身份证号码有误，请核对每一位（尤其是最后一位）
err-id-birth-date = 错误：身份证号码中的出生日期不对
err-id-region = 错误：身份证号码前两位不是省份代码
## What each kind of number looks like, said when it is not that.
err-document-format = 错误：护照号码应为 5–20 位字母或数字
err-document-hk-macao-permit = 错误：应为 H 或 M 加 8 位数字（旧证为 10 位数字）
err-document-taiwan-permit = 错误：应为 8 位数字（旧证为 10 位数字）
err-document-residence-permit = 错误：应为 18 位，以 810000、820000 或 830000 开头
err-document-permanent-residence = 错误：应为以 9 开头的 18 位，或 3 个字母加 12 位数字
err-document-checksum = 错误：证件号码有误，请核对每一位（尤其是最后一位）
err-document-birth-date = 错误：证件号码中的出生日期不对
err-document-region = 错误：证件号码中的省份代码不对
## Time limits counted in calendar days, or done on the spot (beside the
## working-day wording of the guide).
statutory-calendar-days = 法定办结时限：{ $days } 个自然日
statutory-on-the-spot = 法定办结时限：当场办结
promised-calendar-days = 承诺办结时限：{ $days } 个自然日
## The company a booking is for, where the service asks (company registration).
field-company = 企业名称
err-company-missing = 错误：请填写企业名称
err-company-format = 错误：企业名称只能是文字、数字和常用符号，最多 60 个字
booking-company = 企业名称：{ $company }
