import { Module, OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditModule, AuditSnapshots } from '@arbiter/audit';
import { AuthModule } from '@arbiter/auth';
import { WorkspaceAdmin } from './workspace-admin.use-case';
import { WorkspaceScopeInterceptor } from './workspace-scope.interceptor';
import { WorkspaceTargets } from './workspace-targets.service';
import { WorkspacesController } from './workspaces.controller';

/**
 * Workspaces: their routes, and the interceptor that keeps every route's target within the
 * caller's workspace (@InWorkspace).
 */
@Module({
  imports: [AuthModule, AuditModule],
  controllers: [WorkspacesController],
  providers: [
    WorkspaceAdmin,
    WorkspaceTargets,
    { provide: APP_INTERCEPTOR, useClass: WorkspaceScopeInterceptor },
  ],
})
export class WorkspacesApiModule implements OnModuleInit {
  constructor(
    private readonly snapshots: AuditSnapshots,
    private readonly admin: WorkspaceAdmin,
  ) {}

  onModuleInit(): void {
    this.snapshots.register('workspace', (keyOrId) => this.admin.get(keyOrId));
    this.snapshots.register('workspace-member', (target) => this.admin.member(target));
  }
}
