import { defineEntity, p } from '@mikro-orm/core';

/** A sales team; a manager whose role sees `team` records sees this team's. */
export const Team = defineEntity({
  name: 'Team',
  tableName: 'team',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    name: p.string().length(120),
    managerId: p.bigint('number').nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
