/**
 * Where the records people are told about live: the table, the column naming its customer, the column naming the
 * person in charge of a record (a ticket's assignee), the column a person recognises it by, and whether it keeps a next follow-up date. Table and
 * column names are the code's own, never caller input, so they may be written into SQL.
 */
export interface RecordTable {
  table: string;
  /** The column naming the record's customer (a customer's own id); a lead's is its customer once converted. */
  customerColumn: string;
  ownerColumn: string;
  labelColumn: string;
  followUpColumn: string | null;
}

export const recordTables: Readonly<Record<string, RecordTable>> = {
  customer: { table: 'customer', customerColumn: 'id', ownerColumn: 'owner_id', labelColumn: 'name', followUpColumn: 'next_follow_up_at' },
  opportunity: { table: 'opportunity', customerColumn: 'customer_id', ownerColumn: 'owner_id', labelColumn: 'name', followUpColumn: 'next_follow_up_at' },
  order: { table: 'sales_order', customerColumn: 'customer_id', ownerColumn: 'owner_id', labelColumn: 'order_number', followUpColumn: 'next_follow_up_at' },
  ticket: { table: 'ticket', customerColumn: 'customer_id', ownerColumn: 'assignee_id', labelColumn: 'subject', followUpColumn: null },
  lead: { table: 'lead', customerColumn: 'converted_customer_id', ownerColumn: 'owner_id', labelColumn: 'name', followUpColumn: 'next_follow_up_at' },
};
