import { describe, expect, it } from 'vitest';
import { effectiveRole } from './effective-role.ts';

describe('effective role', () => {
  it('fills every right a role document leaves out with false, and the claim quota with 20', () => {
    const role = effectiveRole({ key: 'trainee', labels: { en: 'Trainee', 'zh-CN': '实习生' }, visibility: 'own', mayExport: true });
    expect(role).toEqual({
      key: 'trainee',
      labels: { en: 'Trainee', 'zh-CN': '实习生' },
      visibility: 'own',
      claimQuotaPerDay: 20,
      permissions: { mayEditShared: false, mayExport: true, mayManageDefinitions: false, mayReassign: false, mayManageUsers: false, mayPurge: false, mayImport: false },
      fieldPermissions: {},
    });
  });
});
