/** Label → score (0..1) that one classifier gave one text. */
export type LabelScores = Readonly<Record<string, number>>;

/**
 * What the classifier pre-pass found for one item, per classifier id: scores of the item's own
 * text and of the text it shares or answers. A classifier that could not score the item (timed
 * out, failed) has no entry, and its predicates do not match.
 */
export type ItemClassifierScores = ReadonlyMap<string, { own?: LabelScores; target?: LabelScores }>;
