import { OidcGrantRule } from '@arbiter/config';
import { globalRoleOf, grantsFor, groupsOf } from './sso-grants';

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

describe('grantsFor and globalRoleOf', () => {
  it.each<[string[], OidcGrantRule[], string | null]>([
    [['arbiter-reviewers'], [{ role: 'reviewer' }], 'reviewer'],
    [
      ['arbiter-reviewers', 'arbiter-admins', 'arbiter-leads'],
      [{ role: 'reviewer' }, { role: 'admin' }, { role: 'lead' }],
      'admin',
    ],
    [['arbiter-leads', 'arbiter-reviewers'], [{ role: 'lead' }, { role: 'reviewer' }], 'lead'],
    [['claims-team'], [{ role: 'lead', workspace: 'claims' }], null],
    [['both'], [{ role: 'reviewer' }, { role: 'admin', workspace: 'billing' }], 'reviewer'],
    [['unmapped', 'Arbiter-Admins'], [], null],
    [[], [], null],
    [['__proto__', 'constructor', 'toString', 'hasOwnProperty'], [], null],
    [['arbiter-leads', 'arbiter-leads'], [{ role: 'lead' }], 'lead'],
  ])('groups %j → grants %j, global role %s', (groups, grants, role) => {
    const granted = grantsFor(groups, MAP);
    expect(granted).toEqual(grants);
    expect(globalRoleOf(granted)).toBe(role);
  });
});
