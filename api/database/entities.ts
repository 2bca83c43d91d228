import { AuditEntry } from '../audit/audit-entry.entity.ts';
import { LoginAttempt } from '../auth/login-attempt.entity.ts';
import { UserSession } from '../auth/session.entity.ts';
import { ContactRecord } from '../contact-records/contact-record.entity.ts';
import { Contact } from '../contacts/contact.entity.ts';
import { CustomerOwner } from '../customers/customer-owner.entity.ts';
import { Customer } from '../customers/customer.entity.ts';
import { OwnershipEvent } from '../customers/ownership-event.entity.ts';
import { Opportunity } from '../opportunities/opportunity.entity.ts';
import { Order, OrderLine } from '../orders/order.entity.ts';
import { OrderPayment } from '../orders/order-payment.entity.ts';
import { Ticket } from '../tickets/ticket.entity.ts';
import { Lead } from '../leads/lead.entity.ts';
import { DefinitionVersion } from '../definitions/definition-version.entity.ts';
import { OutboxMessage } from '../outbox/outbox-message.entity.ts';
import { TemplateInstallation } from '../templates/template-installation.entity.ts';
import { Role } from '../users/role.entity.ts';
import { Team } from '../users/team.entity.ts';
import { AppUser } from '../users/user.entity.ts';

/** Every entity the ORM knows; a new entity is added here and gets its table from a migration. */
export const entities = [
  DefinitionVersion,
  TemplateInstallation,
  Role,
  Team,
  AppUser,
  UserSession,
  LoginAttempt,
  Customer,
  CustomerOwner,
  OwnershipEvent,
  Contact,
  ContactRecord,
  Opportunity,
  Order,
  OrderLine,
  OrderPayment,
  Ticket,
  Lead,
  AuditEntry,
  OutboxMessage,
];
