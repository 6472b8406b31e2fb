import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Permission as PermissionName } from '@yardstick/contracts';
import type { AuthContext } from './auth-context.js';

export const PERMISSION_KEY = 'yardstick:permission';
export const PUBLIC_KEY = 'yardstick:public';

/** The permission a route needs (held for at least one agency; services check the agency itself). */
export const Permission = (permission: PermissionName): MethodDecorator & ClassDecorator =>
  SetMetadata(PERMISSION_KEY, permission);

/** Open to everyone, signed in or not. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** Routes that need a signed-in caller but no particular permission (their own account, sign-out). */
export const SIGNED_IN = 'signed-in';
export const SignedIn = (): MethodDecorator & ClassDecorator => SetMetadata(PERMISSION_KEY, SIGNED_IN);

/** The caller of this request. */
export const Auth = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthContext =>
    context.switchToHttp().getRequest<{ auth: AuthContext }>().auth,
);
