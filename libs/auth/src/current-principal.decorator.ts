import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthenticatedRequest, ClientPrincipal, UserPrincipal } from './principal';

/** The API-key client of the request (routes behind ApiKeyGuard). */
export const CurrentClient = createParamDecorator(
  (_: unknown, context: ExecutionContext): ClientPrincipal =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().client as ClientPrincipal,
);

/** The user of the request (routes behind UserAuthGuard). */
export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): UserPrincipal =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user as UserPrincipal,
);
