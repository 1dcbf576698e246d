# onestop kiosk — 简体中文（回退语言：其他语言缺少的消息都从这里取）

## 语言与标题栏
lang-name = 简体中文
hall-fallback = 政务服务中心
crumb-home = 首页
audience-personal = 个人办事
audience-business = 企业（法人）办事
language-current = 当前语言
list-separator = 、

## 固定消息行
notice-still-loading = 正在加载服务目录，请稍候再试。
notice-unavailable = 提示：{ $reason }，当前显示的是已保存的信息。
notice-unavailable-retry = 错误：{ $reason }。请按 R 重试，或向工作人员求助。
error-offline = 暂时无法连接服务器
error-timeout = 服务器响应超时
error-server = 服务器暂时出现故障
error-bad-data = 收到的数据无法识别

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
menu-page = 第 { $page }/{ $pages } 页 · PgDn 下一页
too-small = 窗口太小（当前 { $width }×{ $height }）。请把终端窗口放大到至少 { $min_width }×{ $min_height }。

## 欢迎页与列表
welcome-heading = 欢迎！请选择您要办理的业务：
categories-heading = 请选择服务分类：
services-heading = 请选择要办理的事项：
service-online-tag = 可网上办理

## 办事指南
guide-department = 实施主体：{ $department }
guide-code = 事项编码：{ $code }
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
