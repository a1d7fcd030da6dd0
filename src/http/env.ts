// The Hono environment shared by every sub-app: what middleware puts on the context.
import type { RequestIdVariables } from 'hono/request-id';
import type { Principal } from '../access/principal';

export type AppEnv = { Variables: RequestIdVariables & { principal: Principal | undefined } };
