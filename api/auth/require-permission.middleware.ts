import type { RequestHandler } from 'express';
import type { RolePermissionFlag } from '../../definitions/role.schema.ts';
import { forbidden } from './auth-problems.ts';
import { signedInOf } from './require-session.middleware.ts';

const permissionNames: Record<RolePermissionFlag, { en: string; 'zh-CN': string }> = {
  mayEditShared: { en: 'edit shared customers', 'zh-CN': '编辑共享客户' },
  mayExport: { en: 'export data', 'zh-CN': '导出数据' },
  mayManageDefinitions: { en: 'manage definitions', 'zh-CN': '管理流程定义' },
  mayReassign: { en: 'reassign records', 'zh-CN': '重新分配记录' },
  mayManageUsers: { en: 'manage users and teams', 'zh-CN': '管理用户和团队' },
  mayPurge: { en: 'erase records from the recycle bin', 'zh-CN': '彻底删除回收站中的记录' },
  mayImport: { en: 'import customers from spreadsheets', 'zh-CN': '从表格导入客户' },
};

/** Behind requireSession: lets the request through only when the user's role grants every named permission. */
export function requirePermission(...flags: RolePermissionFlag[]): RequestHandler {
  return (_request, response, next) => {
    const { role } = signedInOf(response);
    const missing = flags.find((flag) => !role.permissions[flag]);
    if (missing !== undefined) {
      throw forbidden({
        en: `Your role (${role.labels.en}) may not ${permissionNames[missing].en}.`,
        'zh-CN': `您的角色（${role.labels['zh-CN']}）无权${permissionNames[missing]['zh-CN']}。`,
      });
    }
    next();
  };
}
