import type { MessageKey } from './messages.en.ts';

/** 简体中文界面文本。键与英文目录一一对应（类型检查和 messages.test.ts 共同保证）；`{name}` 为占位值。 */
export const zhCN: Record<MessageKey, string> = {
  'app.name': 'Stagecraft',
  'app.loading': '加载中…',
  'app.skipToContent': '跳到主要内容',
  'app.retry': '重试',

  'language.label': '语言',

  'login.title': '登录 Stagecraft',
  'login.subtitle': '电话营销与销售团队的销售主线',
  'login.login': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.submitting': '正在登录…',
  'login.sessionEnded': '会话已结束，请重新登录。',
  'login.signedOut': '您已退出登录。',

  'errors.unreachable': '无法连接服务器，请检查网络后重试。',
  'errors.unexpected': '服务器意外返回 {status}。请重试；如果问题持续，请联系管理员。',

  'shell.userMenu': '当前用户：{name}，{role}',
  'shell.logout': '退出登录',
  'shell.mainNavigation': '主导航',

  'nav.workLine': '销售主线',
  'nav.stages': '客户阶段',
  'nav.pool': '公海',
  'nav.contactRecords': '联系记录',
  'nav.review': '回顾分析',

  'stage.reserve': '储备客户',
  'stage.target': '目标客户',
  'stage.potential': '潜在客户',
  'stage.opportunity': '商机客户',
  'stage.won': '成交客户',

  'workLine.title': '销售主线',
  'workLine.today': '今天是 {date}',
  'workLine.caption': '按客户阶段和回访时间列出的待联系客户',
  'workLine.stage': '客户阶段',
  'workLine.total': '合计',
  'workLine.bucket.today': '今天要回访',
  'workLine.bucket.tomorrow': '明天要回访',
  'workLine.bucket.thisWeek': '本周要回访',
  'workLine.bucket.contactedToday': '今天已联系',
  'workLine.bucket.overdue': '已逾期',
  'workLine.cell': '{stage}，{bucket}：{count}',
  'workLine.unavailable': '本服务器尚未提供工作队列，因此所有数量都显示为 0。',
  'workLine.loadFailed': '无法加载销售主线：{reason}',
  'workLine.start': '开始工作',
  'workLine.startHint': '按队列逐个处理客户；按 N 进入下一个。',

  'page.coming': '此页面正在建设中。',
  'page.queue.title': '正在跟踪…',
  'page.queue.description': '按队列逐个处理客户：客户资料、话术和联系记录并排显示；按 N 进入下一个。',
  'page.stage.description': '{stage}列表：筛选、占有与释放，以及每个客户的 360° 视图。',
  'page.stage.due': '当前显示：{bucket}。',
  'page.pool.description': '共享客户：筛选并保存视图，可一次占有一个或多个；您的角色每天可占有 {quota} 个。',
  'page.contactRecords.description': '您记录的每次电话、拜访、邮件和短信，包括结果和下次回访日期。',
  'page.review.description': '按日、周、月统计每位业务员的新客户、联系记录、商机和订单，以图表和表格呈现。',
  'page.notFound.title': '没有这个页面',
  'page.notFound.description': '地址 {path} 不是工作台的页面。',
  'page.notFound.home': '前往销售主线',
};
