import type { SimulatedWorld } from './world-model.js';
import type { WorldServer } from './world-server.js';

/**
 * The Instagram professional account the simulated Graph API treats as "the app user's own",
 * the node business discovery queries run on. Any numeric id works; this one reads as real.
 */
export const WORLD_INSTAGRAM_VIEWER_ID = '17841400000000999';

/**
 * The environment that points SIPANSOS at a running world server: base URLs, tokens the world
 * accepts, the Facebook control post and the Instagram viewer id. Spread it into a child
 * process's `env` (or the adapters' `env` setting) to run the CLI or the demo offline.
 *
 * @example
 * spawn('sipansos', ['run', '--once'], { env: { ...process.env, ...worldEnvironment(world, server) } });
 */
export function worldEnvironment(world: SimulatedWorld, server: WorldServer): Record<string, string> {
  return {
    SIPANSOS_X_BASE_URL: server.urls.x,
    SIPANSOS_X_BEARER_TOKEN: world.options.xBearerToken ?? 'simulated-x-token',
    SIPANSOS_FACEBOOK_BASE_URL: server.urls.facebook,
    SIPANSOS_INSTAGRAM_BASE_URL: server.urls.instagram,
    SIPANSOS_META_ACCESS_TOKEN: world.options.metaAccessToken ?? 'simulated-meta-token',
    SIPANSOS_FACEBOOK_CONTROL_POST_ID: world.controlPostIds.facebook,
    SIPANSOS_INSTAGRAM_USER_ID: WORLD_INSTAGRAM_VIEWER_ID,
  };
}
