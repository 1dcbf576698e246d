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
