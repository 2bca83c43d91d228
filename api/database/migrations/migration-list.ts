import { MigrationFoundation } from './migration-0001-foundation.ts';
import { MigrationUsersAndSessions } from './migration-0002-users-and-sessions.ts';
import { MigrationRecordsCore } from './migration-0003-records-core.ts';
import { MigrationOpportunities } from './migration-0004-opportunities.ts';
import { MigrationOrdersAndTickets } from './migration-0005-orders-and-tickets.ts';

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
];
