import { CallHandler, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthErrorCode, UserPrincipal } from '@arbiter/auth';
import { lastValueFrom, of } from 'rxjs';
import { InWorkspaceRoute } from './in-workspace.decorator';
import { WorkspaceScopeInterceptor } from './workspace-scope.interceptor';
import { TargetPlace, WorkspaceTargets } from './workspace-targets.service';

const ACME = '11111111-1111-4111-8111-111111111111';
const GLOBEX = '22222222-2222-4222-8222-222222222222';

function run(
  route: InWorkspaceRoute | undefined,
  place: TargetPlace | null,
  user: Partial<UserPrincipal>,
) {
  const targets = new WorkspaceTargets(null as never);
  const lookups = jest.spyOn(targets, 'place').mockResolvedValue(place);
  const reflector = { get: () => route } as unknown as Reflector;
  const request = {
    headers: {},
    params: { key: 'claims', id: ACME },
    user: {
      kind: 'user',
      userId: 'u1',
      role: 'admin',
      platformAdmin: false,
      workspace: null,
      ...user,
    },
  };
  const context = {
    getHandler: () => undefined,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  const handled = jest.fn(() => of('handled'));
  const result = lastValueFrom(
    new WorkspaceScopeInterceptor(reflector, targets).intercept(context, {
      handle: handled,
    } as CallHandler),
  );
  return { result, lookups, handled };
}

const inAcme = { workspace: { id: ACME, key: 'acme' } };
const existing: InWorkspaceRoute = { kind: 'pipeline', param: 'key', mode: 'existing' };
const create: InWorkspaceRoute = { kind: 'pipeline', param: 'key', mode: 'create' };

describe('WorkspaceScopeInterceptor', () => {
  it('lets a route without @InWorkspace run unchecked', async () => {
    const { result, lookups } = run(undefined, null, inAcme);
    await expect(result).resolves.toBe('handled');
    expect(lookups).not.toHaveBeenCalled();
  });

  it('lets a platform admin who named no workspace reach anything, without a lookup', async () => {
    const { result, lookups } = run(existing, null, { platformAdmin: true });
    await expect(result).resolves.toBe('handled');
    expect(lookups).not.toHaveBeenCalled();
  });

  it("runs the route for a target of the caller's workspace", async () => {
    const place: TargetPlace = { kind: 'present', workspaces: [GLOBEX, ACME] };
    await expect(run(existing, place, inAcme).result).resolves.toBe('handled');
  });

  it("answers another workspace's target, and a missing one, with the kind's own 404, the route never running", async () => {
    for (const place of [
      { kind: 'present', workspaces: [GLOBEX] },
      { kind: 'absent' },
    ] as TargetPlace[]) {
      const { result, handled } = run(existing, place, inAcme);
      await expect(result).rejects.toMatchObject({
        code: 'pipelines.not_found',
        message: 'Pipeline "claims" not found',
      });
      expect(handled).not.toHaveBeenCalled();
    }
  });

  it('lets a creating route take a free name, and refuses one another workspace holds with 409', async () => {
    await expect(run(create, { kind: 'absent' }, inAcme).result).resolves.toBe('handled');
    await expect(
      run(create, { kind: 'present', workspaces: [GLOBEX] }, inAcme).result,
    ).rejects.toMatchObject({ code: AuthErrorCode.NameInOtherWorkspace });
  });

  it('leaves an id of the wrong form to the route (its own 400)', async () => {
    const route: InWorkspaceRoute = { kind: 'dataset', param: 'id', mode: 'existing' };
    await expect(run(route, null, inAcme).result).resolves.toBe('handled');
  });

  it('refuses a person whose workspace was never resolved', async () => {
    await expect(run(existing, { kind: 'absent' }, {}).result).rejects.toThrow(
      /without a workspace/,
    );
  });
});
