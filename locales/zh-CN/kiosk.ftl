# onestop kiosk — 简体中文（回退语言：其他语言缺少的消息都从这里取）

## 语言与标题栏
lang-name = 简体中文
hall-fallback = 政务服务中心
crumb-home = 首页
audience-personal = 个人办事
audience-business = 企业（法人）办事
language-current = 当前语言
list-separator = 、

## 长者模式的大字标题（每种语言都要在 78 列内放得下：汉字 16 列，字母 8 列）
banner-welcome = 欢迎
banner-personal = 个人办事
banner-business = 企业办事
banner-services = 选择事项
banner-guide = 办事指南
banner-hall = 选择大厅
banner-date = 选择日期
banner-slot = 选择时段
banner-details = 填写信息
banner-check = 核对信息
banner-done = 预约成功
banner-lookup = 我的预约
banner-lookup-result = 预约详情
banner-staff = 工作人员
banner-search = 搜索
banner-idle = 还在吗？

## 固定消息行
notice-still-loading = 正在加载服务目录，请稍候再试。
notice-unavailable = 提示：{ $reason }，当前显示的是已保存的信息。
notice-unavailable-retry = 错误：{ $reason }。请按 R 重试，或向工作人员求助。
notice-nothing-to-open = 无法打开服务：{ $reason }，本机也没有保存的服务目录。请按 R 重试，或{ $has_phone ->
    [yes] 拨打 { $phone } 咨询。
   *[no] 向工作人员求助。
}
error-offline = 暂时无法连接服务器
error-timeout = 服务器响应超时
error-server = 服务器暂时出现故障
error-bad-data = 收到的数据无法识别
error-unregistered = 本机尚未在服务器登记，请联系工作人员

## 状态栏
key-select = 选择
key-pick = 直接选
key-open = 确认
key-scroll = 翻阅
key-back = 返回
key-home = 首页
key-retry = 重试
key-quit = 退出
help-phone = 需要帮助？请拨打大厅服务电话 { $phone }，或向工作人员求助。
menu-page = 第 { $page }/{ $pages } 页 · { $where ->
    [first] PgDn 下一页
    [last] PgUp 上一页
   *[middle] PgUp 上一页 · PgDn 下一页
}
too-small = 窗口太小（当前 { $width }×{ $height }）。请把终端窗口放大到至少 { $min_width }×{ $min_height }。

## 欢迎页与列表
welcome-heading = 欢迎！请选择您要办理的业务：
welcome-browse-unavailable = 暂时无法打开（未取得服务目录）
categories-heading = 请选择服务分类：
services-heading = 请选择要办理的事项：
service-online-tag = 可网上办理

## 办事指南
guide-department = 实施主体：{ $department }
guide-code = 事项编码：{ $code }
guide-reviewed = 信息核对于 { $date }
online-yes = 可网上办理
online-no = 需到大厅办理
cross-province-yes = 支持跨省通办
cross-province-no = 不支持跨省通办
guide-conditions = 受理条件
guide-materials = 申请材料（共 { $count } 项）
material-original = 原件
material-copy = 复印件
material-original-and-copy = 原件及复印件
material-form = { $form } { $copies } 份
medium-paper = 纸质
medium-electronic = 电子
medium-either = 纸质或电子均可
material-e-licence = 可用电子证照代替
material-conditional = 视情况提供
material-source = 来源：{ $source }
material-notes = 说明：{ $notes }
guide-fees = 收费
fees-none = 不收费
fee-item = { $item }：{ $amount } 元
guide-time-limits = 办理时限
statutory-days = 法定办结时限：{ $days } 个工作日
promised-days = 承诺办结时限：{ $days } 个工作日
promised-on-the-spot = 承诺办结时限：即办（当场办结）
guide-visits = 到现场次数
visits = { $count ->
    [0] 无需到现场
   *[other] 最多到现场 { $count } 次
}
guide-where = 办理地点与时间
guide-phones = 咨询与投诉
enquiry-phone = 咨询电话：{ $phone }
complaint-phone = 投诉电话：{ $phone }

## 预约
key-book = 预约办理
key-next-field = 下一项
key-change = 切换
key-continue = 继续
crumb-book-hall = 选择大厅
crumb-book-date = 选择日期
crumb-book-slot = 选择时段
crumb-book-details = 填写信息
crumb-book-check = 核对信息
crumb-book-done = 预约成功
crumb-lookup = 我的预约
crumb-lookup-result = 预约详情
welcome-my-booking = 我的预约
welcome-my-booking-detail = 查询或取消已有的预约
loading = 正在查询，请稍候…
load-failed = 错误：{ $reason }。请按 R 重试。
book-hall-heading = 您想在哪个大厅办理？
zone-name = { $zone ->
    [shanghai] 北京时间
    [urumqi] 乌鲁木齐时间
   *[other] 当地时间 { $id }
}
book-date-heading = 请选择日期（{ $hall }，{ $zone }）：
book-slot-heading = 请选择时段 · { $day } · { $hall }（{ $zone }）：
book-slot-holding = 正在为您保留名额，请稍候…
book-slot-none = { $day }已没有可预约的时段，请按 Esc 另选一天。
day-closed = 休息
day-full = 已约满
slot-full = 已约满
places-left = 剩余 { $count } 个名额
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
book-details-heading = 请填写预约人信息（按 Tab 或 ↓ 到下一项）：
hold-minutes = 名额已为您保留，约 { $minutes } 分钟内有效。
error-summary = 错误：有 { $count } 项需要更正，见下方标注。
field-name = 姓名
field-phone = 手机号码
field-id-kind = 证件类型
field-id-number = 证件号码
field-time = 时间
err-name-missing = 错误：请填写姓名
err-name-format = 错误：姓名只能是文字（不含数字、符号），最多 40 个字
check-heading = 请核对预约信息（{ $service }）：
check-answer = { $label }：{ $value }
check-confirm = 确认无误，提交预约
check-change = 更改
check-sending = 正在提交预约，请稍候…
done-heading = 预约成功！请记下您的预约码：
done-bring = 办理时请携带：
booking-code = 预约码：{ $code }
booking-service = 事项：{ $service }
booking-when = 时间：{ $day } { $start }–{ $end }（{ $zone }）
booking-where = 地点：{ $place }（{ $address }）
booking-person = 预约人：{ $name } · 手机 { $phone } · 证件 { $id }
notice-day-unavailable = 那天不能预约（休息或已约满），请另选一天。
notice-slot-full = 这个时段已约满，请另选一个时段。
notice-slot-taken = 抱歉，这个时段刚刚约满了。请从最新的时段中重新选择。
notice-hold-expired = 为您保留的名额已到时间。请重新选择时段，您填写的信息都还在。
notice-already-booked = 您当天已预约过这项服务：同一证件每天只能预约一次。
notice-too-many-bookings = 该证件未办理的预约已达上限。请先取消一个预约，或咨询工作人员。
notice-invalid = 有一项信息未通过核验，请检查后再试。
notice-not-found = 没有找到这个预约。请核对预约码和手机号后四位。
notice-refused = 请求未被受理，请向工作人员求助。
notice-too-many-tries = 这个预约的查询错误次数过多。为保护您的信息，请 { $minutes } 分钟后再试，或向工作人员求助。
notice-network-retry = 错误：{ $reason }，预约未提交。您填写的内容都还在，请再按一次 Enter 重试。
notice-cancelled = 预约已取消，名额已释放。

## 我的预约
lookup-heading = 请输入预约码和预约时所填手机号的后四位：
lookup-searching = 正在查询，请稍候…
field-code = 预约码（8 位）
field-last4 = 手机号后四位
err-code-missing = 错误：请填写预约码
err-code-format = 错误：预约码为 8 位字母和数字
err-last4-missing = 错误：请填写手机号后四位
err-last4-format = 错误：请填写 4 位数字
status-active = 预约有效
status-cancelled = 此预约已取消
lookup-cancel = 取消这个预约
lookup-cancel-question = 确定要取消吗？取消后名额会让给其他人。
lookup-cancel-yes = 是的，取消预约
lookup-cancel-no = 不取消，保留预约

## 手机页面（扫码继续办理）

## 扫码继续办理
key-phone = 手机扫码
phone-making = 正在生成二维码…
phone-failed = 暂时无法生成二维码（{ $reason }）。
phone-scan = { $booking ->
    [yes] 扫码带走预约信息和材料清单（30 分钟内有效）：
   *[no] 扫码带走材料清单（30 分钟内有效）：
}
phone-too-small = 窗口太小，无法显示可扫描的二维码。请在手机浏览器中输入以下地址：

## 离线、空闲与工作人员
notice-booking-offline = 暂时无法在线预约（连不上服务器）。您可以拨打 { $phone } 预约，或稍后到 { $address } 办理。
notice-config-reloaded = 配置已重新加载。
notice-config-rejected = 新配置有误，仍使用原配置：{ $problems }
idle-warning = 您已有一段时间没有操作。为保护您的隐私，约 { $seconds } 秒后将回到首页，已填写的信息会被清除。按任意键继续使用。
crumb-staff = 工作人员
staff-pin-heading = 工作人员：请输入密码后按 Enter。
staff-pin-label = 密码
staff-pin-checking = 密码（正在核对…）
staff-pin-wrong = 错误：密码不对，还可再试 { $left } 次。
staff-pin-locked = 错误：密码错误次数过多，请 { $minutes } 分钟后再试。
staff-pin-unset = 错误：本机未设置工作人员密码（staff.pin_hash）。
staff-kiosk = 终端：{ $kiosk } · 大厅：{ $hall } · 版本 { $version }
staff-backend = 后台：{ $url } · { $health }
staff-backend-up = 连接正常，响应 { $ms } 毫秒
staff-backend-down = 无法连接（{ $reason }）
staff-catalog = 服务目录版本：{ $version } · 本机副本保存于 { $age } 分钟前
staff-catalog-offline = 服务目录版本：{ $version }（离线，使用本机副本，保存于 { $age } 分钟前）
staff-catalog-version = 服务目录版本：{ $version }
staff-catalog-unsaved = 服务目录版本：{ $version } · 本机尚无副本
staff-catalog-loading = 服务目录：正在加载…
staff-catalog-unreadable = 服务目录：无（本机副本保存于 { $age } 分钟前，但无法读取，详见日志）
staff-catalog-none = 服务目录：无（未能从后台取得，本机也没有副本）
staff-reviews-current = 办事指南：均在 { $months } 个月内核对过（最早核对于 { $oldest }）
staff-reviews-overdue = 待复核的办事指南：{ $overdue } / { $total }（超过 { $months } 个月未核对；最早核对于 { $oldest }）
staff-phone-link-unset = 警告：未设置 handoff.public_url，二维码链接指向本机的回环地址，手机无法打开。请设置手机能够访问的地址。
staff-phone-link-loopback = 警告：handoff.public_url（{ $url }）是回环地址，手机无法打开二维码链接。请设置手机能够访问的地址。
staff-bookings-today = 本终端今日预约：{ $count }
staff-log = 日志文件：{ $path }
staff-actions = 操作：
staff-reload = 重新加载配置
staff-reset = 重置会话（回到首页）
staff-exit = 退出自助终端程序

## 无障碍
welcome-elderly = 长者模式
welcome-screen-reader = 读屏模式
mode-on = 已开启（再按一次关闭）
mode-off = 已关闭
welcome-idle = 提示：无操作 { $minutes } 分钟后回到首页，回到首页前会先提醒您。

## 搜索
welcome-search = 搜索服务
welcome-search-detail = 输入名称、拼音或首字母，如 sfz
crumb-search = 搜索
search-label = 搜索：
search-hint = 可输入中文、拼音或拼音首字母（如 shebao、sfz），按 ↑↓ 选择，Enter 打开。
search-found = 找到 { $count } 项（匹配的字加了下划线）：
search-none = 没有找到“{ $query }”。可以按分类查找，或拨打 { $phone } 咨询：
search-also-called = 又称“{ $alias }”
