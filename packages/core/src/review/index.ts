export { readDecidedFindings, type DecidedFinding } from './decided-findings.js';
export { decisionDataset, decisionDatasetJsonl, type DecisionExample } from './decision-dataset.js';
export { replayDecisions, type ReplayedDecision, type ReplayOptions, type RuleReplayReport } from './rule-replay.js';
