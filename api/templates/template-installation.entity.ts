import { defineEntity, p } from '@mikro-orm/core';

/** Which industry template (and which version of it) has been applied to this database, and when. */
export const TemplateInstallation = defineEntity({
  name: 'TemplateInstallation',
  tableName: 'template_installation',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    templateKey: p.string().length(120),
    templateVersion: p.string().length(40),
    installedAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['templateKey'] }],
});
