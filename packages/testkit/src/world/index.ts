/**
 * The simulated platform world: the invented Kabupaten Lembah Harapan, its subjects and a seeded
 * eight-cycle timeline, served in the shapes of the real APIs.
 *
 * X API v2 (msw: https://api.x.com, https://api.twitter.com; server: `urls.x`), bearer token required:
 * - `GET /2/users/by/username/:username`, `GET /2/users/by?usernames=`, `GET /2/users/:id`
 * - `GET /2/users/:id/tweets` (max_results 5–100, default 10; pagination_token, since_id, until_id,
 *   start_time, end_time, exclude=replies,retweets; only the newest `xTimelineDepth` posts)
 * - `GET /2/users/:id/liked_tweets` (10–100), `GET /2/users/:id/following` (1–1000)
 * - `GET /2/tweets?ids=` (1–100), `GET /2/tweets/:id`
 * - `tweet.fields`, `user.fields`, `media.fields`, `expansions` as documented; every answer carries
 *   `x-rate-limit-limit/-remaining/-reset`; 429/401/503 are `application/problem+json`.
 *
 * Graph API (msw: https://graph.facebook.com, https://graph.instagram.com; server: `urls.facebook`
 * = `urls.instagram`), `access_token` query or bearer header, optional `/vNN.N` prefix:
 * - `GET /{page-id|page-username}?fields=`, `GET /{page-id}/posts|feed|published_posts?fields=&limit=&after=`
 * - `GET /{page-id}_{post-id}?fields=` (100/33 once deleted or the page is hidden)
 * - `GET /{ig-user-id}?fields=business_discovery.username(name){...,media.limit(n).after(c){...}}`
 * - errors: 803 (unknown alias), 100/33, 110/2207013, 190 (/463 expired), 4 (throttled, 403), 1/2 (5xx)
 *
 * Both servers also answer `/__media/<key>.png` (a 1×1 PNG) and the Graph one `/__saved/<platform>/<handle>.html`.
 *
 * @module world
 */
export { createSimulatedWorld } from './create-simulated-world.js';
export { WORLD_PICTURES } from './world-pictures.js';
export { EXAMPLE_CONTEXT, EXAMPLE_SUBJECTS, WORLD_CYCLES, WORLD_HISTORY_START, type WorldCycle } from './world-context.js';
export type {
  ExpectedEvent,
  SavedPageSnapshot,
  SimulatedWorld,
  SimulatedWorldOptions,
  StillLiveReason,
  WorldAccount,
  WorldAccountKind,
  WorldAccountStatus,
  WorldEndpoint,
  WorldFollow,
  WorldLike,
  WorldMedia,
  WorldPlatform,
  WorldPost,
  WorldPostVersion,
  WorldRateLimit,
} from './world-model.js';
export { worldHandlers, type WorldHandlerOptions } from './world-handlers.js';
export { startWorldServer, WORLD_SERVER_HOST, type WorldServer, type WorldServerOptions } from './world-server.js';
export { handleXRequest } from './x-world-api.js';
export { handleGraphRequest, graphTime } from './graph-world-api.js';
export type { WorldRequest, WorldResponse } from './world-http.js';
export { expectedOfKind } from './expected-events.js';
export { worldEnvironment, WORLD_INSTAGRAM_VIEWER_ID } from './world-environment.js';
export { maskRunTimes } from './mask-run-times.js';
