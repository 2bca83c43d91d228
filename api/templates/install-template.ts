import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RoleDocument } from '../../definitions/role.schema.ts';
import { templateManifestSchema, type TemplateManifest } from '../../definitions/template-manifest.schema.ts';
import { validateTemplateDefinitions } from '../../engine/templates/validate-template-definitions.ts';
import type { Problem } from '../../engine/validation/problem.ts';
import { compileSchemaCheck, schemaProblems } from '../../engine/validation/schema-validator.ts';
import { createDemoCustomers, readDemoCustomers } from '../customers/demo-customers.ts';
import { forgetLatestVersions } from '../customers/published-definitions.ts';
import { DefinitionVersion } from '../definitions/definition-version.entity.ts';
import { createDemoUsers, hashDemoPasswords, readDemoUsers } from '../users/demo-users.ts';
import { installRole } from '../users/install-role.ts';
import { TemplateInstallation } from './template-installation.entity.ts';

export type InstallOutcome =
  | { installed: true; definitions: number; demoUsers: number; demoCustomers: number }
  | { installed: false; reason: 'already-installed' };

export interface InstallOptions {
  /** The time zone demo users get (STAGECRAFT_TIME_ZONE). */
  timeZone: string;
}

const checkManifest = compileSchemaCheck(templateManifestSchema);

/** A template that cannot be applied; the message names the file and each problem's JSON path. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

function describeProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.path || '/'}: ${p.message.en}`).join('; ');
}

/** Reads and checks `template.json` in `templateDir`; a bad manifest stops with every problem and its path. */
export async function readTemplateManifest(templateDir: string): Promise<TemplateManifest> {
  const manifestPath = path.join(templateDir, 'template.json');
  const manifest: unknown = JSON.parse(await readFile(manifestPath, 'utf8'));
  const problems = schemaProblems(checkManifest, manifest, '');
  if (problems.length > 0) throw new TemplateError(`${manifestPath} is not a valid template manifest: ${describeProblems(problems)}`);
  return manifest as TemplateManifest;
}

/** Reads every definition the manifest lists and checks them together; nothing is written when one is wrong. */
export async function readTemplateDefinitions(templateDir: string, manifest: TemplateManifest) {
  const documents = await Promise.all(
    manifest.definitions.map(async (entry) => ({
      entry,
      document: JSON.parse(await readFile(path.resolve(templateDir, entry.file), 'utf8')) as Record<string, unknown>,
    })),
  );
  const problems = validateTemplateDefinitions(documents.map(({ entry, document }) => ({ ...entry, document })));
  if (problems.length > 0) {
    const byFile = problems.map((p) => {
      const index = Number(p.path.split('/')[2]);
      return { ...p, path: `${manifest.definitions[index]?.file ?? ''}#${p.path.split('/').slice(4).map((s) => `/${s}`).join('')}` };
    });
    throw new TemplateError(`The ${manifest.key} template has ${problems.length} problem(s): ${describeProblems(byFile)}`);
  }
  return documents;
}

/** The demo-users file a template names, checked; undefined when it names none. */
export async function readTemplateDemoUsers(templateDir: string, manifest: TemplateManifest) {
  return manifest.demoUsers === undefined ? undefined : readDemoUsers(path.resolve(templateDir, manifest.demoUsers));
}

/** The demo-customers file a template names, checked; undefined when it names none. */
export async function readTemplateDemoCustomers(templateDir: string, manifest: TemplateManifest) {
  return manifest.demoCustomers === undefined ? undefined : readDemoCustomers(path.resolve(templateDir, manifest.demoCustomers));
}

/**
 * Applies a template once: its roles join the role table, its other definitions become published versions, its
 * demo users and then its demo customers are created and the installation is recorded, all in one transaction, so a failure leaves the database
 * as it was and the next start tries again.
 */
export async function installTemplate(orm: MikroORM, templateDir: string, options: InstallOptions): Promise<InstallOutcome> {
  const manifest = await readTemplateManifest(templateDir);
  // Checked again inside the transaction; this early look spares every later start the reading and the hashing.
  if (await orm.em.fork().count(TemplateInstallation, { templateKey: manifest.key })) {
    return { installed: false, reason: 'already-installed' };
  }
  const documents = await readTemplateDefinitions(templateDir, manifest);
  const demoUsers = await readTemplateDemoUsers(templateDir, manifest);
  const demoPasswordHashes = demoUsers === undefined ? undefined : await hashDemoPasswords(demoUsers);
  const demoCustomers = await readTemplateDemoCustomers(templateDir, manifest);

  // A rolled-back install may have been read inside its own transaction, so the latest versions are forgotten either way.
  try {
    return await orm.em.fork().transactional(async (em) => {
      // The unique key on template_key makes a concurrent second installer fail instead of installing twice.
      if (await em.count(TemplateInstallation, { templateKey: manifest.key })) {
        return { installed: false, reason: 'already-installed' } as const;
      }
      for (const { entry, document } of documents) {
        if (entry.kind === 'role') {
          // Roles are live settings an admin edits, with their own table; users point at them by key.
          await installRole(em, document as RoleDocument);
          continue;
        }
        const latest = await em.findOne(
          DefinitionVersion,
          { kind: entry.kind, key: entry.key },
          { orderBy: { version: 'desc' }, fields: ['version'] },
        );
        em.create(DefinitionVersion, {
          kind: entry.kind,
          key: entry.key,
          version: (latest?.version ?? 0) + 1,
          document,
          source: `template:${manifest.key}@${manifest.version}`,
        });
      }
      await em.flush();
      const demoUsersCreated =
        demoUsers === undefined || demoPasswordHashes === undefined ? 0 : await createDemoUsers(em, demoUsers, demoPasswordHashes, options.timeZone);
      const demoCustomersCreated = demoCustomers === undefined ? 0 : await createDemoCustomers(em, demoCustomers, new Date(), options.timeZone);
      em.create(TemplateInstallation, { templateKey: manifest.key, templateVersion: manifest.version });
      await em.flush();
      return { installed: true, definitions: documents.length, demoUsers: demoUsersCreated, demoCustomers: demoCustomersCreated } as const;
    });
  } finally {
    forgetLatestVersions(orm.em);
  }
}
