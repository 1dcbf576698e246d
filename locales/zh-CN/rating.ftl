## 评价（好差评）与报告错误（找错）：自助终端上的评价和指南纠错。

welcome-rate = 评价
welcome-rate-detail = 在窗口办完了？请为这次服务打分
welcome-rate-offline = 现在不能评价：可稍后扫号票上的二维码在手机上评价
banner-rate = 评价
banner-report = 报告错误
crumb-rate = 评价
crumb-rate-service = 办理事项
crumb-rate-level = 满意度
crumb-rate-reason = 原因
crumb-words = 补充说明
crumb-sent = 结果
crumb-report = 报告错误

key-report = 报告错误
key-send = 发送
key-done = 完成
key-back-to-guide = 回到指南

rate-number-heading = 评价：请输入号票上印的号码（一个字母加三位数字，如 A023），或扫描号票上的二维码。
rate-number-after-link = 已读取号票的手机页链接。请再输入号票上印的号码（如 A023）。
field-ticket-number = 号码
rate-number-format = 号码是一个字母加三位数字，例如 A023。请核对号票。
rate-no-such-queue = 本大厅没有这个字母开头的号码。本大厅号码的字母是：{ $letters }。
rate-bad-link = 这不是号票的手机页链接。请输入号票上印的号码。
rate-link-read = 链接已读取。请输入号票上印的号码，然后按“继续”。
rate-waiting = 正在查询大厅的队列，请稍等片刻再按“继续”。
rate-offline = 评价需要联网，本机现在连不上服务器。您也可以稍后扫描号票上的二维码，在手机上评价。

rate-service-heading = 号码 { $number }：您办理的是哪项业务？
rate-level-heading = 号码 { $number }：您对这次服务满意吗？
level-very-satisfied = 非常满意
level-satisfied = 满意
level-fairly-satisfied = 基本满意
level-dissatisfied = 不满意
level-very-dissatisfied = 非常不满意
rate-reason-heading = 请选择不满意的主要原因（必选一项）：
reason-slow = 等候或办理太慢
reason-attitude = 服务态度不好
reason-asked-again = 要求重复提交材料
reason-not-done = 事情没有办成
reason-unclear = 告知不清楚
reason-other = 其他原因
rate-words-heading = 还有想说的吗？可以不写，直接按“发送”（最多 200 字）。
field-own-words = 您的意见
words-count = 已写 { $count } 字，最多 { $max } 字

rate-sending = 正在发送您的评价…
rate-thanks = 谢谢您的评价！您的意见帮助我们把服务做得更好。
rate-thanks-bad = 谢谢您的评价。大厅会跟进您反映的问题，改进服务。
rate-back-soon = 稍后自动回到首页；按 Enter 马上返回。
rate-after-refusal = 按 Esc 返回重新输入号码，按 Enter 回到首页。
rate-already = 这次办事已经评价过了，每次办事只能评价一次。谢谢您！
rate-not-finished = 这个号码还没有在窗口办完。请办完后再来评价。
rate-closed = 这次办事已经过了可以评价的期限，不能再评价了。
rate-not-found = 今天没有找到这个号码（或扫描的链接不是这张号票的）。请核对号票上的号码。
rate-too-many = 尝试的次数太多了。为了安全，请 { $minutes } 分钟后再试，或询问工作人员。
rate-invalid = 服务器没有接受这次评价。请询问工作人员。
rate-fetch = 没有发送成功（{ $reason }）。您也可以稍后扫描号票上的二维码，在手机上评价。

report-what-heading = 报告错误：“{ $service }”的办事指南哪里不对？
wrong-materials = 申请材料不对
wrong-fees = 收费不对
wrong-time-limits = 办理时限不对
wrong-place-and-hours = 地点或办公时间不对
wrong-other = 其他错误
report-words-heading = 请说说哪里不对（可以不写，直接按“发送”，最多 200 字）。请不要写个人信息。
field-report-words = 说明
report-sending = 正在发送…
report-thanks = 谢谢您！工作人员会核对这份办事指南并及时更正。
report-back-soon = 稍后自动回到办事指南；按 Enter 马上返回。
report-after-refusal = 按 Esc 返回重新发送，按 Enter 回到办事指南。
report-too-many = 刚才报告得太多了，请过一分钟再试。
