export { createHttpClassifier, type HttpClassifierSettings } from './create-http-classifier.js';
export { scoreItems, type ClassifierPass, type ClassifierProblem, type ScoreItemsOptions } from './score-items.js';
