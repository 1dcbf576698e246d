## The phone pages (/m/…).
m-booking = 您的预约
m-cancel-prompt = 要取消预约，请输入预约时所填手机号的后四位：
m-cancelled = 预约已取消，名额已释放。
m-cancel-refused = 未能取消：手机号后四位不对，或预约已不存在。
m-back = 返回
m-gone-title = 链接已失效
m-gone-body = 这个二维码已过期或不存在。请回到自助服务终端重新扫码，或拨打大厅服务电话咨询。
m-busy-title = 请稍后再试
m-busy-body = 访问过于频繁，请一分钟后再试。
