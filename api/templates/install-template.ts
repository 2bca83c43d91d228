import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RoleDocument } from '../../definitions/role.schema.ts';
import { templateManifestSchema, type TemplateManifest } from '../../definitions/template-manifest.schema.ts';
import { DefinitionVersion } from '../definitions/definition-version.entity.ts';
import { createDemoUsers, hashDemoPasswords, readDemoUsers } from '../users/demo-users.ts';
import { installRole, roleDocumentProblems } from '../users/install-role.ts';
import { TemplateInstallation } from './template-installation.entity.ts';

export type InstallOutcome =
  | { installed: true; definitions: number; demoUsers: number }
  | { installed: false; reason: 'already-installed' };

export interface InstallOptions {
  /** The time zone demo users get (STAGECRAFT_TIME_ZONE). */
  timeZone: string;
}

const validateManifest = new Ajv2020({ allErrors: true }).compile<TemplateManifest>(templateManifestSchema);

/** Reads and checks `template.json` in `templateDir`; a bad manifest stops with every problem and its path. */
export async function readTemplateManifest(templateDir: string): Promise<TemplateManifest> {
  const manifestPath = path.join(templateDir, 'template.json');
  const manifest: unknown = JSON.parse(await readFile(manifestPath, 'utf8'));
  if (!validateManifest(manifest)) {
    const problems = (validateManifest.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    throw new Error(`${manifestPath} is not a valid template manifest: ${problems.join('; ')}`);
  }
  return manifest;
}

/** The demo-users file a template names, checked; undefined when it names none. */
export async function readTemplateDemoUsers(templateDir: string, manifest: TemplateManifest) {
  return manifest.demoUsers === undefined ? undefined : readDemoUsers(path.resolve(templateDir, manifest.demoUsers));
}

/**
 * Applies a template once: its roles join the role table, its other definitions become published versions, its
 * demo users are created and the installation is recorded, all in one transaction, so a failure leaves the database
 * as it was and the next start tries again.
 */
export async function installTemplate(orm: MikroORM, templateDir: string, options: InstallOptions): Promise<InstallOutcome> {
  const manifest = await readTemplateManifest(templateDir);
  // Checked again inside the transaction; this early look spares every later start the reading and the hashing.
  if (await orm.em.fork().count(TemplateInstallation, { templateKey: manifest.key })) {
    return { installed: false, reason: 'already-installed' };
  }
  const documents = await Promise.all(
    manifest.definitions.map(async (entry) => {
      const file = path.resolve(templateDir, entry.file);
      const document = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      const problems = entry.kind === 'role' ? roleDocumentProblems(document, entry.key) : [];
      if (problems.length > 0) {
        throw new Error(`${file} is not a valid role: ${problems.map((p) => `${p.path || '/'} ${p.message.en}`).join('; ')}`);
      }
      return { entry, document };
    }),
  );
  const demoUsers = await readTemplateDemoUsers(templateDir, manifest);
  const demoPasswordHashes = demoUsers === undefined ? undefined : await hashDemoPasswords(demoUsers);

  return orm.em.fork().transactional(async (em) => {
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
    em.create(TemplateInstallation, { templateKey: manifest.key, templateVersion: manifest.version });
    await em.flush();
    return { installed: true, definitions: documents.length, demoUsers: demoUsersCreated } as const;
  });
}
