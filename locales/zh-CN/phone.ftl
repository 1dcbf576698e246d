## The phone pages (/m/…): plain pages a phone opens from the kiosk's QR code.
m-booking = 您的预约
m-call = 如有疑问，请拨打大厅服务电话：{ $phone }
m-back = 返回预约

## Cancelling: a link on the booking, then a page that asks first.
m-cancel-link = 取消这个预约…
m-confirm-title = 确定要取消这个预约吗？
m-confirm-body = 取消后名额会让给其他人，且无法恢复。
m-cancel-prompt = 预约时所填手机号的后四位：
m-cancel-digits = 请输入4位数字。
m-confirm-yes = 是的，取消预约
m-confirm-no = 不取消，保留预约
m-cancelled-title = 预约已取消
m-cancelled = 预约已取消，名额已释放。
m-refused-title = 未能取消
m-cancel-refused = 手机号后四位不对，或预约已不存在。请核对预约时所填手机号的后四位后再试。
m-try-again = 重新输入

## Error pages: a heading, what to do, and the hall's phone.
m-gone-title = 链接已失效
m-gone-body = 这个二维码已过期或不存在。请回到自助服务终端重新扫码，或拨打大厅服务电话咨询。
m-missing-title = 找不到这个页面
m-missing-body = 这个地址没有页面。请回到自助服务终端重新扫码。
m-busy-title = 请稍后再试
m-busy-body = 访问过于频繁，请一分钟后再试。
m-locked-title = 输错次数过多
m-locked-body = 手机号后四位输错次数过多，{ $minutes } 分钟内不能在这里修改这个预约。请稍后再试，或拨打大厅服务电话。
m-unreadable-title = 无法读取这个请求
m-unreadable-body = 请重新打开自助服务终端二维码中的链接，并使用页面上的按钮操作。
m-error-title = 出了点问题
m-error-body = 页面暂时无法显示，请稍后再试。

## A ticket (取号) followed on the phone: numbers only, the page refreshes itself.
m-ticket-title = 您的号码：{ $number }
m-ticket-queue = 队列：{ $queue }
m-ticket-waiting = { $ahead ->
    [0] 下一位就是您。
   *[other] 您前面还有 { $ahead } 人。
}
m-ticket-estimate = 预计等候：{ $low } 至 { $high } 分钟。
m-ticket-estimate-up-to = 预计等候：不超过 { $high } 分钟。
m-ticket-no-window = 预计等候：暂时无法估计，该队列的窗口尚未开放。
m-ticket-unknown = 预计等候：暂时无法估计，该队列今天尚未办结业务。
m-ticket-near = 快轮到您了，请在窗口附近等候。
m-ticket-windows = 叫号窗口：{ $windows }
m-ticket-called = 轮到您了，请到 { $window } 号窗口。
m-ticket-serving = 您正在 { $window } 号窗口办理。
m-ticket-missed = 您的号码已在 { $window } 号窗口叫过，但您不在（过号）。请到 { $window } 号窗口或询问工作人员：在一定时间内可以重新排队。
m-ticket-served = 已办理。感谢您的到来。
m-ticket-gone = 此号码已不再显示，请询问工作人员。
m-ticket-updated = 更新于 { $time }。
m-ticket-refresh = 本页每 { $seconds } 秒自动更新。
m-ticket-hold-still = 停止自动更新
m-ticket-resume = 恢复自动更新

## 好差评 on the ticket's page, once the visit is finished.
m-rate-title = 评价本次服务
m-rate-how = 您对本次服务满意吗？
m-rate-level-very-satisfied = 非常满意
m-rate-level-satisfied = 满意
m-rate-level-fairly-satisfied = 基本满意
m-rate-level-dissatisfied = 不满意
m-rate-level-very-dissatisfied = 非常不满意
m-rate-why = 如选“不满意”或“非常不满意”，请选择原因：
m-rate-reason-none = 不选原因（我满意）
m-rate-reason-slow = 等候或办理太慢
m-rate-reason-attitude = 服务态度不好
m-rate-reason-asked-again = 要求重复提交材料
m-rate-reason-not-done = 事情没有办成
m-rate-reason-unclear = 告知不清楚
m-rate-reason-other = 其他
m-rate-words = 您想说的话（选填，选了原因才可填写，不超过 { $max } 字）：
m-rate-send = 提交评价
m-rate-back = 返回我的号码
m-rate-thanks-title = 感谢您的评价
m-rate-given = 您对本次服务的评价：{ $level }。谢谢！
m-rate-choose-level = 请选择您的满意程度。
m-rate-needs-reason = 选“不满意”或“非常不满意”时，请选择原因。
m-rate-reason-with-good = 只有“不满意”或“非常不满意”需要选择原因：请改选这两项之一，或选“不选原因”。
m-rate-text-rule = 您想说的话请不超过 { $max } 字，且只用普通文字。
m-rate-words-without-reason = 填写您想说的话时，请同时选择原因；或者不填。
m-rate-not-finished = 窗口办结后才能评价本次服务。
m-rate-already = 本次服务已经评价过了，谢谢您！
m-rate-closed = 办结后 { $days } 天内可以评价，现已超过期限。

## 找错: a link at the foot of the phone's guide, and its small form.
m-report-link = 报告错误：这份办事指南有误？
m-report-title = 报告错误
m-report-guide = 办事指南：{ $service }
m-report-intro = 请告诉我们哪里有误，工作人员会核实并更正指南。请不要填写姓名、手机号或证件号码。
m-report-what = 哪里有误？
m-report-what-materials = 申请材料
m-report-what-fees = 收费
m-report-what-time-limits = 办结时限
m-report-what-place-and-hours = 办理地点或办公时间
m-report-what-other = 其他
m-report-words = 正确的内容是什么？（选填，不超过 { $max } 字）
m-report-send = 提交
m-report-choose = 请选择哪里有误。
m-report-thanks-title = 谢谢您
m-report-thanks = 已收到您的报告，工作人员会核实这份指南。
m-report-back = 返回办事指南

## A policy document of the library (政策文件库) on the phone.
m-policy-in-force = 现行有效
m-policy-amended = 已修改
m-policy-repealed = 已废止
m-policy-expired = 已失效
m-policy-notice-amended = 本文件已修改。
m-policy-notice-repealed = 本文件已废止。
m-policy-notice-expired = 本文件已失效。
m-policy-now-applies = 现行适用的是：{ $title }
m-policy-no-replacement = 本文件库中没有取代它的文件，请咨询大厅工作人员。
m-policy-index-number = 索引号
m-policy-title = 标题
m-policy-issuers = 发文机关
m-policy-doc-number = 发文字号
m-policy-written = 成文日期
m-policy-published = 发布日期
m-policy-effective = 施行日期
m-policy-topic = 主题分类
m-policy-validity = 时效
m-policy-summary = 简要说明
m-policy-interpretations = 政策解读
m-policy-interpretation-of = { $date }解读
m-policy-question = 问：{ $text }
m-policy-answer = 答：{ $text }
m-policy-example = 举例：{ $text }
m-policy-services = 适用的服务事项
m-policy-source = 查看原文
m-policy-based-on = 依据
m-policy-missing-title = 找不到这份文件
m-policy-missing-body = 这个地址没有政策文件。请回到自助服务终端重新扫码。
