## The hall visit at the kiosk: taking a number (取号) and checking a booking in (签到).

welcome-take-number = 取号
welcome-take-number-detail = 现场排队：选择事项，领取号码
welcome-take-number-offline = 暂时无法取号：请到服务台取号
welcome-check-in = 预约签到
welcome-check-in-detail = 已预约的请在这里签到，优先叫号
welcome-check-in-offline = 暂时无法签到：请到服务台签到
banner-take-number = 取号
banner-ticket = 您的号码
banner-check-in = 预约签到
crumb-take-number = 取号
crumb-priority = 绿色通道
crumb-ticket = 您的号码
crumb-check-in = 预约签到

take-number-title = 取号
take-number-heading = 取号：请选择查找事项的方式
take-number-personal-detail = 按主题查找个人事项
take-number-business-detail = 按主题查找企业事项
take-number-loading = 正在查询本大厅的排队情况…

priority-heading = 您是否属于以下优先办理人群？工作人员会在窗口核实
priority-no = 不属于，正常排队
priority-checked = 请在窗口出示相关证件

check-in-heading = 预约签到：请输入预约码和预约时所填手机号的后四位：
check-in-sending = 正在签到…

visit-offline = 暂时无法连接大厅的排队系统（{ $reason }），本机无法发号。请到大厅服务台取号：{ $address }
visit-at-desk = 本大厅的号码由服务台发放，本机不发号。请到服务台取号：{ $address }
visit-service-at-desk = 这个事项的号码由服务台发放，本机不发号。请到服务台取号：{ $address }
visit-closed-today = 本大厅今天不办公，不发号。
visit-before-hours = 还未开始发号：今天 { $time } 起发号。
visit-after-hours = 今天的发号已结束（发号至 { $time }），请在下一个工作日再来。
visit-daily-cap = 这个事项今天的号码已全部发完，请在下一个工作日再来，或先网上预约。
visit-numbers-exhausted = 这个事项今天已没有可用的号码，请向工作人员求助。

check-in-not-found = 预约码或手机号后四位不正确，请核对后再试。
check-in-too-early = 还未到签到时间：从 { $date } { $time } 起可以签到。
check-in-too-late = 已过签到时间：预约时段已于 { $date } { $time } 结束。请现场取号，或重新预约。
check-in-cancelled = 这个预约已取消，无法签到。请现场取号，或重新预约。
check-in-other-hall = 这个预约在另一个大厅：{ $hall }（{ $address }），请到那里签到。
check-in-already = 这个预约已经签到过，号码是 { $number }，请留意叫号。
check-in-too-many-tries = 这个预约的错误次数过多。为保护您的信息，请 { $minutes } 分钟后再试，或向工作人员求助。

ticket-taking = 正在取号…
ticket-refused-heading = 未能取号
ticket-heading = 取号成功，请留意叫号
ticket-checked-in = 已签到：您将先于现场取号者被叫号
ticket-number = 您的号码：{ $number }，{ $queue }
ticket-ahead = 前面还有 { $count } 人
ticket-wait-minutes = 预计等候：约 { $low }–{ $high } 分钟
ticket-wait-no-window = 预计等候：现在无法估计（暂无窗口开放）
ticket-wait-unknown = 预计等候：今天暂无估计
ticket-windows = 办理窗口：{ $windows } 号
ticket-priority-check = 绿色通道：请向窗口工作人员出示相关证件
ticket-phone-hint = 按 P 显示二维码，用手机查看叫号进度
ticket-phone-heading = 用手机扫码，随时查看 { $number } 的叫号进度
