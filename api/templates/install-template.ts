import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { MikroORM } from '@mikro-orm/postgresql';
import { templateManifestSchema, type TemplateManifest } from '../../definitions/template-manifest.schema.ts';
import { DefinitionVersion } from '../definitions/definition-version.entity.ts';
import { TemplateInstallation } from './template-installation.entity.ts';

export type InstallOutcome = { installed: true; definitions: number } | { installed: false; reason: 'already-installed' };

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

/**
 * Applies a template once: its definitions become published versions and the installation is recorded, all in one
 * transaction, so a failure leaves the database as it was and the next start tries again.
 */
export async function installTemplate(orm: MikroORM, templateDir: string): Promise<InstallOutcome> {
  const manifest = await readTemplateManifest(templateDir);
  const documents = await Promise.all(
    manifest.definitions.map(async (entry) => ({
      entry,
      document: JSON.parse(await readFile(path.resolve(templateDir, entry.file), 'utf8')) as Record<string, unknown>,
    })),
  );
  return orm.em.fork().transactional(async (em) => {
    // The unique key on template_key makes a concurrent second installer fail instead of installing twice.
    if (await em.count(TemplateInstallation, { templateKey: manifest.key })) {
      return { installed: false, reason: 'already-installed' } as const;
    }
    for (const { entry, document } of documents) {
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
    em.create(TemplateInstallation, { templateKey: manifest.key, templateVersion: manifest.version });
    await em.flush();
    return { installed: true, definitions: documents.length } as const;
  });
}
