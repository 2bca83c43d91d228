import { MigrationFoundation } from './migration-0001-foundation.ts';
import { MigrationUsersAndSessions } from './migration-0002-users-and-sessions.ts';
import { MigrationRecordsCore } from './migration-0003-records-core.ts';
import { MigrationOpportunities } from './migration-0004-opportunities.ts';
import { MigrationOrdersAndTickets } from './migration-0005-orders-and-tickets.ts';
import { MigrationOutboxDispatch } from './migration-0006-outbox-dispatch.ts';
import { MigrationTimersAndNotifications } from './migration-0007-timers-and-notifications.ts';
import { MigrationPoolRecycling } from './migration-0008-pool-recycling.ts';
import { MigrationPaymentsAndTicketSla } from './migration-0009-payments-and-ticket-sla.ts';
import { MigrationWorkQueueIndexes } from './migration-0010-work-queue-indexes.ts';
import { MigrationLeadsAndCampaigns } from './migration-0011-leads-and-campaigns.ts';
import { MigrationSavedViews } from './migration-0012-saved-views.ts';
import { MigrationCustomerImports } from './migration-0013-customer-imports.ts';
import { MigrationListExpressionIndexes } from './migration-0014-list-expression-indexes.ts';
import { MigrationDefinitionDraftsAndMigrations } from './migration-0015-definition-drafts-and-migrations.ts';
import { MigrationCallScripts } from './migration-0016-call-scripts.ts';
import { MigrationWorkQueueSpeed } from './migration-0017-work-queue-speed.ts';
import { MigrationSessionChangeNotices } from './migration-0018-session-change-notices.ts';
import { MigrationLeadIntakeGate } from './migration-0019-lead-intake-gate.ts';

/**
 * Every schema change, in order. Listed explicitly (not discovered on disk) so the same list runs from source under
 * Node's type stripping, in tests and in production; a new migration is appended, never edited once released.
 */
export const migrationList = [
  { name: '0001-foundation', class: MigrationFoundation },
  { name: '0002-users-and-sessions', class: MigrationUsersAndSessions },
  { name: '0003-records-core', class: MigrationRecordsCore },
  { name: '0004-opportunities', class: MigrationOpportunities },
  { name: '0005-orders-and-tickets', class: MigrationOrdersAndTickets },
  { name: '0006-outbox-dispatch', class: MigrationOutboxDispatch },
  { name: '0007-timers-and-notifications', class: MigrationTimersAndNotifications },
  { name: '0008-pool-recycling', class: MigrationPoolRecycling },
  { name: '0009-payments-and-ticket-sla', class: MigrationPaymentsAndTicketSla },
  { name: '0010-work-queue-indexes', class: MigrationWorkQueueIndexes },
  { name: '0011-leads-and-campaigns', class: MigrationLeadsAndCampaigns },
  { name: '0012-saved-views', class: MigrationSavedViews },
  { name: '0013-customer-imports', class: MigrationCustomerImports },
  { name: '0014-list-expression-indexes', class: MigrationListExpressionIndexes },
  { name: '0015-definition-drafts-and-migrations', class: MigrationDefinitionDraftsAndMigrations },
  { name: '0016-call-scripts', class: MigrationCallScripts },
  { name: '0017-work-queue-speed', class: MigrationWorkQueueSpeed },
  { name: '0018-session-change-notices', class: MigrationSessionChangeNotices },
  { name: '0019-lead-intake-gate', class: MigrationLeadIntakeGate },
];
