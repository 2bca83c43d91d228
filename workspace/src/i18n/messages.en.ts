/**
 * The English interface texts: the reference catalogue whose keys every other language must have (the
 * zh-CN catalogue is typed against it, and messages.test.ts checks both at run time). `{name}` marks a value.
 */
export const en = {
  'app.name': 'Stagecraft',
  'app.loading': 'Loading…',
  'app.skipToContent': 'Skip to content',
  'app.retry': 'Try again',

  'language.label': 'Language',

  'login.title': 'Sign in to Stagecraft',
  'login.subtitle': 'The daily work line for telemarketing and sales teams',
  'login.login': 'Login',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.sessionEnded': 'Your session has ended. Sign in again.',
  'login.signedOut': 'You have signed out.',

  'errors.unreachable': 'The server cannot be reached. Check the network and try again.',
  'errors.unexpected': 'The server answered {status} unexpectedly. Try again; tell your administrator if it persists.',

  'shell.userMenu': 'Signed in as {name}, {role}',
  'shell.logout': 'Sign out',
  'shell.mainNavigation': 'Main navigation',

  'nav.workLine': 'Work line',
  'nav.stages': 'Customers by stage',
  'nav.pool': 'Public pool',
  'nav.contactRecords': 'Contact records',
  'nav.review': 'Review & analysis',

  'stage.reserve': 'Reserve customers',
  'stage.target': 'Target customers',
  'stage.potential': 'Potential customers',
  'stage.opportunity': 'Opportunity customers',
  'stage.won': 'Won customers',

  'workLine.title': 'Work line',
  'workLine.today': 'Today is {date}',
  'workLine.caption': 'Customers to contact, by stage and by when they are due',
  'workLine.stage': 'Stage',
  'workLine.total': 'Total',
  'workLine.bucket.today': 'Call back today',
  'workLine.bucket.tomorrow': 'Tomorrow',
  'workLine.bucket.thisWeek': 'This week',
  'workLine.bucket.contactedToday': 'Contacted today',
  'workLine.bucket.overdue': 'Overdue',
  'workLine.cell': '{stage}, {bucket}: {count}',
  'workLine.unavailable': 'This server does not serve the work queue yet, so every count shows 0.',
  'workLine.loadFailed': 'The work line could not be loaded: {reason}',
  'workLine.start': 'Start working',
  'workLine.startHint': 'Walks your queue customer by customer; press N for the next one.',

  'page.coming': 'This page is being built.',
  'page.queue.title': 'Working the queue',
  'page.queue.description': 'Your queue, customer by customer: details, call scripts and the contact log side by side; N moves on.',
  'page.stage.description': 'The list of {stage} with filters, claim and release, and each customer’s 360° view.',
  'page.stage.due': 'Showing those due: {bucket}.',
  'page.pool.description':
    'Shared customers with filters and saved views. Claim one or many; your role may claim {quota} a day.',
  'page.contactRecords.description': 'Every call, visit, email and SMS you logged, with its outcome and next follow-up.',
  'page.review.description':
    'New customers, contact records, opportunities and orders per rep by day, week and month, as charts and tables.',
  'page.notFound.title': 'No such page',
  'page.notFound.description': 'The address {path} is not a page of the workspace.',
  'page.notFound.home': 'Go to the work line',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
