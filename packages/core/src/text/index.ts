export { foldCodePoint, isInvisible, isWordCodePoint } from './char-fold.js';
export { DEFAULT_ROOT_WORDS, stemIndonesian } from './indonesian-stemmer.js';
export { INFORMAL_SPELLINGS } from './informal-spellings.js';
export {
  BALLOT_CUE_WORDS,
  normalizeText,
  toOriginalSpan,
  tokenRange,
  type NormalizeOptions,
  type NormalizedText,
  type NormalizedToken,
  type NormalizedTokenKind,
} from './normalize-text.js';
