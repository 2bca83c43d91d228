import { DefinitionVersion } from '../definitions/definition-version.entity.ts';
import { TemplateInstallation } from '../templates/template-installation.entity.ts';

/** Every entity the ORM knows; a new entity is added here and gets its table from a migration. */
export const entities = [DefinitionVersion, TemplateInstallation];
