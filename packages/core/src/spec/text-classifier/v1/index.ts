export type { ClassifierErrorV1, ClassifyOptionsV1, LabelScoreV1, TextClassifierCapabilitiesV1, TextClassifierV1 } from './text-classifier-v1.js';
