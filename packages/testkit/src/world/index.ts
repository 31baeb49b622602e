export { createSimulatedWorld } from './create-simulated-world.js';
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
