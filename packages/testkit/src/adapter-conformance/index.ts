export { adapterConformanceSuite, CONFORMANCE_SECRET } from './adapter-conformance-suite.js';
export {
  ADAPTER_SCENARIOS,
  DEFAULT_CONFORMANCE_LIMITS,
  type AdapterConformanceEnvironment,
  type AdapterConformanceSuiteOptions,
  type AdapterScenarioInputs,
  type AdapterScenarioName,
  type AdapterScenarioWires,
  type CaptureScenarioInput,
  type ConformanceLimits,
  type ScenarioServer,
  type ScenarioWire,
} from './adapter-scenarios.js';
export { notBefore, recordingFetch, type RecordedRequest } from './recording-fetch.js';
