/**
 * `credstack serve` as a library: {@link createServer} builds the VC-API + OB 3.0 REST API service on a store.
 * @example
 * ```ts
 * import { createServer } from 'credstack/server';
 * const server = await createServer({ port: 0, database: 'memory://' });
 * console.log(await server.listen());
 * ```
 * @module
 */
// @ts-nocheck

export { createServer, type CreateServerOptions, type CredstackServer } from './server.js';
export { loadConfig, defaultConfig, ConfigError, type ServerConfig, type TenantConfig, type ClientConfig, type UserConfig } from './config.js';
export { OB_SCOPES, VCAPI_SCOPES } from './oauth.js';
export { ProblemError, problem } from './problem.js';
