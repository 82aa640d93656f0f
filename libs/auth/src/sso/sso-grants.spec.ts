import { OidcGrantRule } from '@arbiter/config';
import { grantsFor, groupsOf, workspaceRolesOf } from './sso-grants';

const MAP: Record<string, OidcGrantRule[]> = {
  'arbiter-reviewers': [{ role: 'reviewer' }],
  'arbiter-leads': [{ role: 'lead' }],
  'arbiter-admins': [{ role: 'admin' }],
  'claims-team': [{ role: 'lead', workspace: 'claims' }],
  both: [{ role: 'reviewer' }, { role: 'admin', workspace: 'billing' }],
};

describe('groupsOf', () => {
  it.each([
    [{ groups: ['a', 'b'] }, 'groups', ['a', 'b']],
    [{ groups: 'a' }, 'groups', ['a']],
    [{ groups: ['a', 3, null, { x: 1 }] }, 'groups', ['a']],
    [{ groups: 3 }, 'groups', []],
    [{ groups: { a: true } }, 'groups', []],
    [{}, 'groups', []],
    [{ roles: ['x'] }, 'roles', ['x']],
  ])('%j in claim %s → %j', (claims, claim, groups) => {
    expect(groupsOf(claims as Record<string, unknown>, claim)).toEqual(groups);
  });
});

describe('grantsFor and workspaceRolesOf', () => {
  it.each<[string[], OidcGrantRule[], [boolean, Record<string, string>]]>([
    [['arbiter-reviewers'], [{ role: 'reviewer' }], [false, { default: 'reviewer' }]],
    [
      ['arbiter-reviewers', 'arbiter-admins', 'arbiter-leads'],
      [{ role: 'reviewer' }, { role: 'admin' }, { role: 'lead' }],
      [true, { default: 'lead' }],
    ],
    [
      ['arbiter-leads', 'arbiter-reviewers'],
      [{ role: 'lead' }, { role: 'reviewer' }],
      [false, { default: 'lead' }],
    ],
    [['claims-team'], [{ role: 'lead', workspace: 'claims' }], [false, { claims: 'lead' }]],
    [
      ['both'],
      [{ role: 'reviewer' }, { role: 'admin', workspace: 'billing' }],
      [false, { default: 'reviewer', billing: 'admin' }],
    ],
    [['unmapped', 'Arbiter-Admins'], [], [false, {}]],
    [[], [], [false, {}]],
    [['__proto__', 'constructor', 'toString', 'hasOwnProperty'], [], [false, {}]],
    [['arbiter-leads', 'arbiter-leads'], [{ role: 'lead' }], [false, { default: 'lead' }]],
  ])('groups %j → grants %j, platform admin and workspace roles %j', (groups, grants, want) => {
    const granted = grantsFor(groups, MAP);
    expect(granted).toEqual(grants);
    const { platformAdmin, roles } = workspaceRolesOf(granted);
    expect([platformAdmin, Object.fromEntries(roles)]).toEqual(want);
  });
});
