import { defineOperation, type ApiTag, type HeaderDeclaration } from '../http/operation.ts';
import { effectiveRoleSchema } from './effective-role.ts';
import { personViewSchema } from './people-directory.ts';
import { teamViewSchema } from './team-view.ts';
import { createTeamBodySchema, createUserBodySchema, updateUserBodySchema } from './user-bodies.schema.ts';
import { userViewSchema } from './user-view.ts';

export const usersTag = {
  name: 'users',
  title: { en: 'Users, teams and roles', 'zh-CN': '用户、团队与角色' },
  description: {
    en: 'Administrators manage users and teams; managers see their own team. Roles are data, installed by templates.',
    'zh-CN': '管理员管理用户和团队；经理只能查看本团队。角色是数据，由模板安装。',
  },
} as const satisfies ApiTag;

const userIdParams = {
  type: 'object',
  properties: {
    // Text, not integer: an id that is not a whole number names no user and answers 404 like any unknown user.
    id: { type: 'string', description: 'the user’s id' },
  },
  required: ['id'],
} as const;

const versionTag = {
  description: 'the user’s version, quoted: "3"',
  schema: { type: 'string' },
} as const satisfies HeaderDeclaration;

const notVisible = '`not-found`: no such user, or not one your role may see.';
const rolesThatSeeOthers = '`forbidden`: your role sees only its own records (`own` visibility).';

export const listUsersOperation = defineOperation({
  operationId: 'listUsers',
  method: 'get',
  path: '/users',
  summary: { en: 'List the users you may see', 'zh-CN': '列出可查看的用户' },
  tags: [usersTag],
  auth: 'session',
  responses: {
    200: {
      description: 'Users by login: all of them for `all` visibility, your team for `team`.',
      body: { type: 'array', items: userViewSchema },
    },
  },
  problems: { 403: rolesThatSeeOthers },
});

export const listPeopleOperation = defineOperation({
  operationId: 'listPeople',
  method: 'get',
  path: '/people',
  summary: { en: 'Everyone’s name, to read who did what', 'zh-CN': '所有人员姓名，用于查看操作人' },
  tags: [usersTag],
  auth: 'session',
  responses: {
    200: {
      description: 'Every user, with the name and team only, whoever asks: records name people by id.',
      body: { type: 'array', items: personViewSchema },
    },
  },
});

export const getUserOperation = defineOperation({
  operationId: 'getUser',
  method: 'get',
  path: '/users/:id',
  summary: { en: 'Get one user', 'zh-CN': '查看单个用户' },
  tags: [usersTag],
  auth: 'session',
  params: userIdParams,
  responses: { 200: { description: 'The user.', body: userViewSchema, headers: { ETag: versionTag } } },
  problems: { 404: notVisible },
});

export const createUserOperation = defineOperation({
  operationId: 'createUser',
  method: 'post',
  path: '/users',
  summary: { en: 'Create a user', 'zh-CN': '创建用户' },
  description: 'The time zone defaults to STAGECRAFT_TIME_ZONE and the locale to zh-CN.',
  tags: [usersTag],
  auth: { permissions: ['mayManageUsers'] },
  body: createUserBodySchema,
  responses: {
    201: {
      description: 'Created.',
      body: userViewSchema,
      headers: { Location: { description: 'the new user’s address', schema: { type: 'string' } }, ETag: versionTag },
    },
  },
  problems: {
    400: '`validation` also when the role or team does not exist or the time zone is not an IANA name.',
    409: '`login-taken`: another user signs in with this login, whatever the case.',
  },
});

export const updateUserOperation = defineOperation({
  operationId: 'updateUser',
  method: 'patch',
  path: '/users/:id',
  summary: { en: 'Change a user', 'zh-CN': '修改用户' },
  description:
    'Say which version you changed with If-Match or `version` in the body. Deactivating a user or setting a ' +
    'password ends all of their sessions.',
  tags: [usersTag],
  auth: { permissions: ['mayManageUsers'] },
  params: userIdParams,
  headers: { 'If-Match': { description: 'the version you changed, as its ETag gave it: "3"', schema: { type: 'string' } } },
  body: updateUserBodySchema,
  responses: { 200: { description: 'Changed.', body: userViewSchema, headers: { ETag: versionTag } } },
  problems: {
    400: '`validation` also when the role or team does not exist or the time zone is not an IANA name.',
    404: notVisible,
    409:
      '`stale-version`: someone changed the user since you loaded it. `last-user-manager`: the change would leave ' +
      'no active user who may manage users.',
    428: '`version-required`: neither If-Match nor `version` says which version you changed.',
  },
});

export const listTeamsOperation = defineOperation({
  operationId: 'listTeams',
  method: 'get',
  path: '/teams',
  summary: { en: 'List the teams you may see', 'zh-CN': '列出可查看的团队' },
  tags: [usersTag],
  auth: 'session',
  responses: {
    200: { description: 'Teams by name: all of them for `all` visibility, your own for `team`.', body: { type: 'array', items: teamViewSchema } },
  },
  problems: { 403: rolesThatSeeOthers },
});

export const createTeamOperation = defineOperation({
  operationId: 'createTeam',
  method: 'post',
  path: '/teams',
  summary: { en: 'Create a team', 'zh-CN': '创建团队' },
  tags: [usersTag],
  auth: { permissions: ['mayManageUsers'] },
  body: createTeamBodySchema,
  responses: { 201: { description: 'Created.', body: teamViewSchema } },
  problems: {
    400: '`validation` also when the manager is not a user.',
    409: '`team-name-taken`: a team has this name already, whatever the case.',
  },
});

export const listRolesOperation = defineOperation({
  operationId: 'listRoles',
  method: 'get',
  path: '/roles',
  summary: { en: 'List the roles', 'zh-CN': '列出角色' },
  tags: [usersTag],
  auth: 'session',
  responses: {
    200: { description: 'Every role by key, with its permissions filled in.', body: { type: 'array', items: effectiveRoleSchema } },
  },
});
