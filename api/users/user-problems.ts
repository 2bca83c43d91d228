import type { EntityManager } from '@mikro-orm/postgresql';
import { problem, type Problem } from '../../engine/validation/problem.ts';
import { HttpProblem } from '../http/http-problem.ts';
import { Role } from './role.entity.ts';
import { Team } from './team.entity.ts';

/** References a user body makes that its schema cannot check: the role and team must exist, the time zone be real. */
export async function userReferenceProblems(
  em: EntityManager,
  body: { role?: string; teamId?: number | null; timeZone?: string },
): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (body.role !== undefined && (await em.count(Role, { key: body.role })) === 0) {
    problems.push(problem('/role', 'user.unknownRole', `There is no role "${body.role}".`, `没有“${body.role}”这个角色。`));
  }
  if (body.teamId != null && (await em.count(Team, { id: body.teamId })) === 0) {
    problems.push(problem('/teamId', 'user.unknownTeam', `There is no team ${body.teamId}.`, `没有编号为 ${body.teamId} 的团队。`));
  }
  if (body.timeZone !== undefined && !isTimeZone(body.timeZone)) {
    problems.push(
      problem('/timeZone', 'user.unknownTimeZone', 'Must be an IANA time zone such as Asia/Shanghai.', '必须是 IANA 时区名称，例如 Asia/Shanghai。'),
    );
  }
  return problems;
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function loginTaken(login: string): HttpProblem {
  return new HttpProblem(
    409,
    'login-taken',
    { en: 'Login already in use', 'zh-CN': '用户名已被使用' },
    { en: `Another user already signs in as "${login}".`, 'zh-CN': `已有其他用户使用“${login}”登录。` },
    [problem('/login', 'user.loginTaken', 'Choose another login; case does not count.', '请换一个用户名（不区分大小写）。')],
  );
}

export function teamNameTaken(name: string): HttpProblem {
  return new HttpProblem(
    409,
    'team-name-taken',
    { en: 'Team name already in use', 'zh-CN': '团队名称已被使用' },
    { en: `There is already a team called "${name}".`, 'zh-CN': `已有名为“${name}”的团队。` },
    [problem('/name', 'team.nameTaken', 'Choose another name; case does not count.', '请换一个名称（不区分大小写）。')],
  );
}

export function staleVersion(current: number): HttpProblem {
  return new HttpProblem(
    409,
    'stale-version',
    { en: 'Changed by someone else', 'zh-CN': '已被他人修改' },
    {
      en: `This user was changed since you loaded it (now version ${current}). Reload, then make your change again.`,
      'zh-CN': `您加载之后该用户已被修改（当前版本 ${current}）。请刷新后重新修改。`,
    },
  );
}

export function versionRequired(): HttpProblem {
  return new HttpProblem(
    428,
    'version-required',
    { en: 'Version required', 'zh-CN': '需要版本号' },
    {
      en: 'Say which version you changed: send If-Match: "<version>" or "version" in the body.',
      'zh-CN': '请注明所修改的版本：发送 If-Match: "<版本号>" 请求头，或在请求体中提供 "version"。',
    },
  );
}

export function lastUserManager(): HttpProblem {
  return new HttpProblem(
    409,
    'last-user-manager',
    { en: 'Last user manager', 'zh-CN': '最后一位用户管理员' },
    {
      en: 'This is the last active user who may manage users; give another user that right first.',
      'zh-CN': '这是最后一位可管理用户的在职用户；请先把该权限授予其他用户。',
    },
  );
}
