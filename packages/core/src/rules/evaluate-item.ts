import { accountKey } from '../account/account-schema.js';
import type { Item } from '../capture/item-schema.js';
import { phaseAt, type PhaseMoment } from '../election/phase-at.js';
import type { ClaimMatch } from '../claims/claim-matcher.js';
import type { Finding, FindingClaim, MatchSpan } from '../findings/finding-schema.js';
import { hashRecord, sha256Hex } from '../hashing/sha256.js';
import type { Subject } from '../subject/subject-schema.js';
import { accountLookupKeys } from './candidate-terms.js';
import type { CompiledCondition, CompiledRule, CompiledRules } from './compile-rules.js';
import type { ItemClassifierScores } from './classifier-scores.js';
import { analyzeField, itemFields, type FieldAnalysis, type TokenHit } from './item-analysis.js';
import { mediaSpanImage, mediaTextField, type MediaText } from './media-text.js';
import { hashtagsInText, type TextHashtag } from './text-hashtags.js';

/** What {@link evaluateItem} reads. */
export interface EvaluateItemInput {
  item: Item;
  /** The subject whose account made the item. */
  subject: Subject;
  evidence: { captureId: string; rawBlobs: string[] };
  /** The evaluation time (ISO); also the act time when the item has none. */
  now: string;
  /**
   * Text read from the item's images (OCR), matched as the fields `media_text.<index>`. A span
   * there names the image and its box; a finding with such a span gets an id of its own, so it
   * never collides with the finding the same rule gave on the item's text alone.
   */
  mediaTexts?: readonly MediaText[];
  /** Scores from the classifier pre-pass (`scoreItems`), read by `classifier` predicates. */
  classifierScores?: ItemClassifierScores;
}

/** The words every finding carries: it is a flag for a person to review, not a verdict. */
export const REVIEW_NOTE = 'Tanda untuk ditinjau petugas, bukan putusan pelanggaran / A flag for human review, not a finding of violation';
export const UNVERIFIED_NOTE = 'Dasar hukum perlu diverifikasi / Legal basis to be verified';
export const SENSITIVE_NOTE = 'Memuat istilah sensitif: hanya untuk peninjau / Contains sensitive terms: for reviewers only';
/**
 * Carried by a finding on an item the platform gives no time for (a like, a follow, a profile):
 * its phase was judged at the capture time, and the act itself may be older.
 */
export const ACT_TIME_NOTE = 'Platform tidak mencatat waktu tindakan ini (mis. suka, ikuti, profil): fase dinilai pada waktu perekaman; tindakan bisa lebih lama / The platform gives no time for this act (e.g. a like, a follow, a profile): its phase is judged at the capture time; the act may be older';

interface Outcome {
  matched: boolean;
  spans: MatchSpan[];
  sensitive: boolean;
  /** Known claims a `claim` predicate matched. */
  claims?: FindingClaim[];
}

const NO: Outcome = { matched: false, spans: [], sensitive: false };

/** Per-item state shared by all rules: fields are normalised and matched at most once. */
class ItemState {
  private fields: FieldAnalysis[] | undefined;
  private own: FieldAnalysis[] | undefined;
  private target: FieldAnalysis[] | undefined;
  private textHashtags: TextHashtag[] | undefined;
  private itemHashtags: string[] | undefined;
  /** Claim matches per field, in the order of `analyses('all')`, and the score they were cut at. */
  private claimMatches: ({ floor: number; matches: ClaimMatch[] } | undefined)[] | undefined;
  /** This item's number: `marks` entries equal to it are this item's. */
  private readonly serial = ++itemSerial;
  private marks: Float64Array | undefined;
  /** Bits by scope (own 1, target 2, all 4): marked already, holds a candidate mention, holds a ballot gesture. */
  private marked = 0;
  private mentioned = 0;
  private gestured = 0;
  constructor(
    readonly compiled: CompiledRules,
    readonly item: Item,
    readonly subject: Subject,
    readonly mediaTexts: readonly MediaText[] = [],
    readonly scores?: ItemClassifierScores,
  ) {}

  analyses(scope: 'own' | 'target' | 'all'): FieldAnalysis[] {
    this.fields ??= itemFields(this.item, this.mediaTexts).map((field) => analyzeField(this.compiled, field));
    if (scope === 'all') return this.fields;
    // Many predicates ask for the same scope: split the fields once per item.
    if (scope === 'own') return (this.own ??= this.fields.filter((field) => field.scope === 'own'));
    return (this.target ??= this.fields.filter((field) => field.scope === 'target'));
  }

  /**
   * Mark once per item and scope what its fields hold at all: the lexicons hit (in the rule
   * set's marks, by this item's number, so nothing is allocated or cleared per item), and
   * whether any candidate mention or ballot gesture is there. Returns the scope's row.
   */
  private mark(scope: 'own' | 'target' | 'all'): number {
    const row = scope === 'own' ? 0 : scope === 'target' ? 1 : 2;
    const bit = 1 << row;
    if ((this.marked & bit) === 0) {
      this.marked |= bit;
      const marks = (this.marks ??= lexiconMarks(this.compiled));
      const offset = row * this.compiled.lexicons.length;
      for (const field of this.analyses(scope)) {
        const lexicons = field.hitLexicons;
        for (let at = 0; at < lexicons.length; at++) marks[offset + lexicons[at]!] = this.serial;
        if (field.mentions.length > 0) this.mentioned |= bit;
        if (field.gestures.length > 0) this.gestured |= bit;
      }
    }
    return row;
  }

  /** Whether any field of the scope holds a hit of the lexicon. */
  hasLexicon(scope: 'own' | 'target' | 'all', lexicon: number): boolean {
    const row = this.mark(scope);
    return this.marks![row * this.compiled.lexicons.length + lexicon] === this.serial;
  }

  /** Whether any field of the scope holds a candidate mention. */
  hasMention(scope: 'own' | 'target' | 'all'): boolean {
    const bit = 1 << this.mark(scope);
    return (this.mentioned & bit) !== 0;
  }

  /** Whether any field of the scope holds a ballot gesture. */
  hasGesture(scope: 'own' | 'target' | 'all'): boolean {
    const bit = 1 << this.mark(scope);
    return (this.gestured & bit) !== 0;
  }

  /** Whether the fields meet every trigger: without that the rule cannot hold. */
  mayMeetAll(triggers: readonly Trigger[]): boolean {
    for (let at = 0; at < triggers.length; at++) if (!this.mayMeet(triggers[at]!)) return false;
    return true;
  }

  /** Whether any field holds something the trigger names. */
  private mayMeet(trigger: Trigger): boolean {
    if (trigger.mentions && this.hasMention('all')) return true;
    if (trigger.gestures && this.hasGesture('all')) return true;
    const row = this.mark('all');
    if (trigger.hashtags && this.hasHashtag()) return true;
    const marks = this.marks!;
    const offset = row * this.compiled.lexicons.length;
    const lexicons = trigger.lexicons;
    for (let at = 0; at < lexicons.length; at++) if (marks[offset + lexicons[at]!] === this.serial) return true;
    return false;
  }

  /**
   * Known claims a field re-states with a score of `minScore` or more (and maybe some below it),
   * best first, at most 10: matched once per field, at the lowest score a claim predicate has
   * asked for so far. The best 10 at a lower score, cut at a higher one, are the best 10 at the
   * higher one; a predicate that asks for less than any before matches the field again.
   */
  claimsIn(field: FieldAnalysis, minScore: number): ClaimMatch[] {
    const matcher = this.compiled.claims;
    if (!matcher) return [];
    const index = this.analyses('all').indexOf(field);
    const known = (this.claimMatches ??= [])[index];
    if (known && known.floor <= minScore) return known.matches;
    // Never below the rule set's floor: the matches were always cut there.
    const floor = Math.max(minScore, this.compiled.claimFloor ?? 0);
    const matches = matcher.match(field.normalized, { minScore: floor, limit: 10 });
    this.claimMatches[index] = { floor, matches };
    return matches;
  }

  /** `#tag`s written in the item's text, with their lower case, found once per item for every hashtag predicate. */
  hashtagsInText(): readonly TextHashtag[] {
    if (this.textHashtags) return this.textHashtags;
    const text = this.item.text;
    return (this.textHashtags = text ? hashtagsInText(text) : []);
  }

  /** Whether the item carries a hashtag or its text a `#tag`: a hashtag predicate cannot hold without one. */
  private hasHashtag(): boolean {
    return this.item.hashtags.length > 0 || this.hashtagsInText().length > 0;
  }

  /** The item's own hashtags without `#`, in lower case, once per item. */
  hashtagsOfItem(): readonly string[] {
    return (this.itemHashtags ??= this.item.hashtags.map((tag) => tag.replace(/^#/, '').toLowerCase()));
  }
}

/** Items evaluated so far (a float: it never wraps). */
let itemSerial = 0;
const marksOf = new WeakMap<CompiledRules, Float64Array>();
/** Per rule set, for each scope (own, target, all) and lexicon: the number of the last item whose fields in that scope hit it. */
function lexiconMarks(compiled: CompiledRules): Float64Array {
  let marks = marksOf.get(compiled);
  if (!marks) marksOf.set(compiled, (marks = new Float64Array(3 * compiled.lexicons.length)));
  return marks;
}

/**
 * What a rule's condition cannot hold without: a hit of one of these lexicons, a candidate
 * mention or a ballot gesture in some field, or a hashtag on the item or a `#tag` in its text.
 * Most rules need a lexicon most posts never touch, so one look at the item's hits skips
 * walking their conditions.
 */
interface Trigger {
  lexicons: number[];
  mentions: boolean;
  gestures: boolean;
  hashtags: boolean;
}

/**
 * Triggers that `condition` cannot hold without, every one of them (empty when it may hold on
 * anything). A lexicon that must lie near a candidate also needs a mention or a gesture.
 */
function triggersOfCondition(condition: CompiledCondition): Trigger[] {
  switch (condition.kind) {
    case 'lexicon': {
      if (condition.minTerms === 0) return [];
      const own: Trigger = { lexicons: [condition.lexicon], mentions: false, gestures: false, hashtags: false };
      // Its anchors are the field's mentions and gestures.
      return condition.nearCandidate === undefined ? [own] : [own, { lexicons: [], mentions: true, gestures: true, hashtags: false }];
    }
    case 'mentions':
      return [{ lexicons: [], mentions: true, gestures: false, hashtags: false }];
    case 'gesture':
      return [{ lexicons: [], mentions: false, gestures: true, hashtags: false }];
    case 'hashtag':
      // Every tag it reads is in `item.hashtags` or a `#tag` in the text.
      return [{ lexicons: [], mentions: false, gestures: false, hashtags: true }];
    case 'all':
      // Every child must hold: so must every child's triggers.
      return condition.children.flatMap(triggersOfCondition);
    case 'any': {
      // Some child holds, and with it each of its triggers: a union taking one trigger of every
      // child is needed. Two such unions: every child's first trigger, and every child's last.
      const children = condition.children.map(triggersOfCondition);
      if (children.length === 0 || children.some((triggers) => triggers.length === 0)) return [];
      const first = unionOf(children.map((triggers) => triggers[0]!));
      const last = unionOf(children.map((triggers) => triggers[triggers.length - 1]!));
      return sameTrigger(first, last) ? [first] : [first, last];
    }
    default:
      return [];
  }
}

function triggerCost(trigger: Trigger): number {
  return (trigger.hashtags ? 100 : 0) + trigger.lexicons.length;
}

function unionOf(triggers: readonly Trigger[]): Trigger {
  const union: Trigger = { lexicons: [], mentions: false, gestures: false, hashtags: false };
  for (const trigger of triggers) {
    for (const lexicon of trigger.lexicons) if (!union.lexicons.includes(lexicon)) union.lexicons.push(lexicon);
    union.mentions ||= trigger.mentions;
    union.gestures ||= trigger.gestures;
    union.hashtags ||= trigger.hashtags;
  }
  return union;
}

function sameTrigger(a: Trigger, b: Trigger): boolean {
  return a.mentions === b.mentions && a.gestures === b.gestures && a.hashtags === b.hashtags && a.lexicons.length === b.lexicons.length && a.lexicons.every((lexicon) => b.lexicons.includes(lexicon));
}

const triggersOf = new WeakMap<CompiledRules, Trigger[][]>();
function ruleTriggers(compiled: CompiledRules): Trigger[][] {
  let triggers = triggersOf.get(compiled);
  // The cheapest to test first (a few bits), so a rule most items cannot meet is left soonest; the order changes nothing else.
  if (!triggers) triggersOf.set(compiled, (triggers = compiled.rules.map((rule) => triggersOfCondition(rule.condition).sort((a, b) => triggerCost(a) - triggerCost(b)))));
  return triggers;
}

/**
 * The last phase looked up: items of one stream share act times (likes, follows and profiles
 * all take the evaluation time), and the lookup parses a date and a time zone.
 */
let lastPhase: { context: CompiledRules['context']; at: string; moment: PhaseMoment } | undefined;
function phaseOf(context: CompiledRules['context'], at: string): PhaseMoment {
  if (lastPhase && lastPhase.context === context && lastPhase.at === at) return lastPhase.moment;
  const moment = phaseAt(context, at);
  lastPhase = { context, at, moment };
  return moment;
}

/**
 * Run every applicable rule on one item. A rule applies when the subject's category and the
 * item's kind are among the rule's, the phase at the act time (`phaseAt(context, createdAt ??
 * now)`) is among its phases (and past its milestone), and its condition holds. Finding ids are
 * deterministic — rule set id, version, rule id and the item's hash — so re-running a cycle
 * does not duplicate findings.
 */
export function evaluateItem(compiled: CompiledRules, input: EvaluateItemInput): Finding[] {
  const { item, subject, evidence, now } = input;
  const candidates = targetRules(compiled, subject.category, item.kind);
  if (!candidates || candidates.length === 0) return [];
  const actAt = item.createdAt ?? now;
  const moment = phaseOf(compiled.context, actAt);
  const state = new ItemState(compiled, item, subject, input.mediaTexts, input.classifierScores);
  const findings: Finding[] = [];
  let itemHash: string | undefined;
  const triggers = ruleTriggers(compiled);
  for (const index of applicableRules(compiled, candidates, moment)) {
    const rule = compiled.rules[index]!;
    if (!state.mayMeetAll(triggers[index]!)) continue;
    const outcome = evaluate(rule.condition, state);
    if (!outcome.matched) continue;
    itemHash ??= hashRecord(item);
    findings.push(toFinding(rule, input, outcome, moment, actAt, itemHash));
  }
  return findings;
}

/** The last target list looked up: a stream's items mostly share a subject and a kind, and the key is a new string each time. */
let lastTarget: { compiled: CompiledRules; category: string; kind: string; rules: readonly number[] | undefined } | undefined;
function targetRules(compiled: CompiledRules, category: string, kind: string): readonly number[] | undefined {
  if (lastTarget && lastTarget.compiled === compiled && lastTarget.category === category && lastTarget.kind === kind) return lastTarget.rules;
  const rules = compiled.rulesByTarget.get(`${category}|${kind}`);
  lastTarget = { compiled, category, kind, rules };
  return rules;
}

/** The rules of a target list that apply at a moment, kept for the last moment seen per list (a stream's items mostly share a day). */
const plans = new WeakMap<readonly number[], { moment: PhaseMoment; rules: readonly number[] }>();
function applicableRules(compiled: CompiledRules, candidates: readonly number[], moment: PhaseMoment): readonly number[] {
  const known = plans.get(candidates);
  // `applies` reads nothing of the moment but these four.
  if (known && known.moment.phase === moment.phase && known.moment.localDate === moment.localDate && known.moment.afterBakalCalon === moment.afterBakalCalon && known.moment.afterPenetapan === moment.afterPenetapan) return known.rules;
  const rules = candidates.filter((index) => applies(compiled.rules[index]!, moment));
  plans.set(candidates, { moment, rules });
  return rules;
}

function applies({ ruleSet, rule }: CompiledRule, moment: PhaseMoment): boolean {
  if (ruleSet.validFrom && moment.localDate < ruleSet.validFrom) return false;
  if (ruleSet.validUntil && moment.localDate > ruleSet.validUntil) return false;
  if (rule.phases && (moment.phase === undefined || !rule.phases.includes(moment.phase))) return false;
  if (rule.from === 'bakal_calon' && !moment.afterBakalCalon) return false;
  if (rule.from === 'penetapan' && !moment.afterPenetapan) return false;
  return true;
}

function evaluate(condition: CompiledCondition, state: ItemState): Outcome {
  switch (condition.kind) {
    case 'all': {
      // Most conditions fail on their first child: allocate only once something matched.
      let spans: MatchSpan[] | undefined;
      let sensitive = false;
      let claims: FindingClaim[] | undefined;
      for (const child of condition.children) {
        const outcome = evaluate(child, state);
        if (!outcome.matched) return NO;
        spans ??= [];
        for (const span of outcome.spans) spans.push(span);
        sensitive ||= outcome.sensitive;
        if (outcome.claims) (claims ??= []).push(...outcome.claims);
      }
      return { matched: true, spans: spans ?? [], sensitive, claims };
    }
    case 'any': {
      let spans: MatchSpan[] | undefined;
      let sensitive = false;
      let claims: FindingClaim[] | undefined;
      for (const child of condition.children) {
        const outcome = evaluate(child, state);
        if (!outcome.matched) continue;
        spans ??= [];
        for (const span of outcome.spans) spans.push(span);
        sensitive ||= outcome.sensitive;
        if (outcome.claims) (claims ??= []).push(...outcome.claims);
      }
      return spans ? { matched: true, spans, sensitive, claims } : NO;
    }
    case 'not':
      return evaluate(condition.child, state).matched ? NO : { matched: true, spans: [], sensitive: false };
    case 'mentions':
      return mentions(condition, state);
    case 'lexicon':
      return lexicon(condition, state);
    case 'hashtag':
      return hashtag(condition, state);
    case 'gesture': {
      if (!state.hasGesture(condition.scope)) return NO;
      const spans: MatchSpan[] = [];
      for (const field of state.analyses(condition.scope)) {
        for (const gesture of field.gestures) {
          if (!condition.kinds.has(gesture.kind) || (condition.pairs && !condition.pairs.has(gesture.pair))) continue;
          spans.push(spanOf(field, gesture, 'ballotGesture'));
        }
      }
      return spans.length > 0 ? { matched: true, spans, sensitive: false } : NO;
    }
    case 'interacts':
      return interacts(condition, state);
    case 'authorCategory':
      return condition.categories.has(state.subject.category) ? { matched: true, spans: [], sensitive: false } : NO;
    case 'regex': {
      const spans: MatchSpan[] = [];
      for (const field of state.analyses(condition.scope)) {
        const text = condition.on === 'root' ? field.normalized.rootText : field.normalized.text;
        const match = condition.regex.exec(text);
        if (!match) continue;
        const first = tokenIndexAt(field, match.index, condition.on, 'start');
        const last = tokenIndexAt(field, match.index + Math.max(1, match[0].length) - 1, condition.on, 'end');
        if (first >= 0 && last >= first) spans.push(spanOf(field, { first, last, term: match[0] }, `regex:${condition.source}`));
      }
      return spans.length > 0 ? { matched: true, spans, sensitive: false } : NO;
    }
    case 'authorAccount':
      return authorAccount(condition.registered, state);
    case 'claim':
      return claim(condition, state);
    case 'classifier':
      return classifierScore(condition, state);
    case 'media': {
      const media = state.item.media.findIndex((entry) => !condition.types || condition.types.has(entry.type));
      return media >= 0 ? { matched: true, spans: [{ field: `media.${media}`, start: 0, end: 0, text: '', predicate: 'media' }], sensitive: false } : NO;
    }
  }
}

function classifierScore(condition: Extract<CompiledCondition, { kind: 'classifier' }>, state: ItemState): Outcome {
  const scores = state.scores?.get(condition.id);
  if (!scores) return NO;
  const own = condition.scope === 'target' ? undefined : scores.own?.[condition.label];
  const target = condition.scope === 'own' ? undefined : scores.target?.[condition.label];
  const best = Math.max(own ?? -1, target ?? -1);
  if (best < condition.minScore) return NO;
  const field = own !== undefined && own >= (target ?? -1) ? 'text' : 'target.text';
  return { matched: true, spans: [{ field, start: 0, end: 0, text: '', predicate: `classifier:${condition.id}:${condition.label}=${best.toFixed(3)}` }], sensitive: false };
}

function mentions(condition: Extract<CompiledCondition, { kind: 'mentions' }>, state: ItemState): Outcome {
  // Most items mention no candidate: leave before allocating anything.
  if (!state.hasMention(condition.scope)) return NO;
  const spans: MatchSpan[] = [];
  const pairs = new Set<number>();
  for (const field of state.analyses(condition.scope)) {
    for (const mention of field.mentions) {
      if (!condition.via.has(mention.via) || (condition.pairs && !condition.pairs.has(mention.pair))) continue;
      pairs.add(mention.pair);
      spans.push(spanOf(field, mention, `mentionsCandidate:${mention.via}`));
    }
  }
  if (pairs.size === 0) return NO;
  if (condition.maxPairs !== undefined && pairs.size > condition.maxPairs) return NO;
  return { matched: true, spans, sensitive: false };
}

function lexicon(condition: Extract<CompiledCondition, { kind: 'lexicon' }>, state: ItemState): Outcome {
  const fields = state.analyses(condition.scope);
  // Most items hold no term of most lexicons: leave before allocating anything.
  if (condition.minTerms > 0 && !state.hasLexicon(condition.scope, condition.lexicon)) return NO;
  const spans: MatchSpan[] = [];
  // Distinct terms are counted only when more than one is needed; otherwise any term will do.
  const terms = condition.minTerms > 1 ? new Set<string>() : undefined;
  let anyTerm = false;
  for (const field of fields) {
    const hits = field.lexiconHits[condition.lexicon];
    if (!hits) continue;
    // Near a candidate needs an anchor in the field: without one every hit is passed over.
    if (condition.nearCandidate !== undefined && field.mentions.length === 0 && !field.gestures.some((gesture) => gesture.kind !== 'emoji')) continue;
    const blockers = condition.unlessAfter ? (field.lexiconHits[condition.unlessAfter.lexicon] ?? []) : [];
    // A bare ☝ or ✌ is often just an emoji: only spelled-out or keycap gestures anchor a term.
    const anchors = condition.nearCandidate !== undefined ? [...field.mentions, ...field.gestures.filter((gesture) => gesture.kind !== 'emoji')] : [];
    for (const hit of hits) {
      if (condition.unlessAfter) {
        const words = condition.unlessAfter.words;
        if (blockers.some((blocker) => blocker.last < hit.first && hit.first - blocker.last <= words)) continue;
      }
      if (condition.nearCandidate !== undefined) {
        const limit = condition.nearCandidate;
        const anchor = anchors.find((candidate) => distance(candidate, hit) <= limit);
        if (!anchor) continue;
        spans.push(spanOf(field, anchor, 'nearCandidate'));
      }
      if (condition.nearLexicon) {
        const { lexicon: other, words } = condition.nearLexicon;
        const anchor = (field.lexiconHits[other] ?? []).find((candidate) => distance(candidate, hit) <= words && (candidate.first !== hit.first || candidate.last !== hit.last));
        if (!anchor) continue;
        spans.push(spanOf(field, anchor, 'nearLexicon'));
      }
      anyTerm = true;
      terms?.add(hit.term);
      spans.push(spanOf(field, hit, `lexicon:${condition.name}`));
    }
  }
  if ((terms ? terms.size : anyTerm ? 1 : 0) < condition.minTerms) return NO;
  return { matched: true, spans, sensitive: state.compiled.lexicons[condition.lexicon]!.sensitive };
}

function claim(condition: Extract<CompiledCondition, { kind: 'claim' }>, state: ItemState): Outcome {
  let spans: MatchSpan[] | undefined;
  let claims: FindingClaim[] | undefined;
  for (const field of state.analyses(condition.scope)) {
    for (const match of state.claimsIn(field, condition.minScore)) {
      if (match.score < condition.minScore || (condition.topics && !match.claim.topics.some((topic) => condition.topics!.has(topic)))) continue;
      spans ??= [];
      for (const run of match.tokens) spans.push(spanOf(field, { first: run.first, last: run.last, term: match.claim.id }, `claim:${match.claim.id}`));
      claims ??= [];
      if (!claims.some((known) => known.id === match.claim.id)) {
        const { review } = match.claim;
        claims.push({ id: match.claim.id, verdict: match.claim.verdict, url: review.url, publisher: review.publisher, date: review.date, score: Math.round(match.score * 1000) / 1000, wording: match.claim.wordings[match.wording]! });
      }
    }
  }
  return spans ? { matched: true, spans, sensitive: false, claims } : NO;
}

function distance(a: TokenHit, b: TokenHit): number {
  if (a.last < b.first) return b.first - a.last - 1;
  if (b.last < a.first) return a.first - b.last - 1;
  return 0;
}

function hashtag(condition: Extract<CompiledCondition, { kind: 'hashtag' }>, state: ItemState): Outcome {
  const hashtags = state.item.hashtags;
  const inText = state.hashtagsInText();
  // Most items carry no hashtag at all: leave before allocating anything.
  if (hashtags.length === 0 && inText.length === 0) return NO;
  const spans: MatchSpan[] = [];
  if (hashtags.length > 0) {
    const own = state.hashtagsOfItem();
    hashtags.forEach((tag, index) => {
      const lower = own[index]!;
      if (wantedTag(condition, state.compiled, lower)) spans.push({ field: `hashtags.${index}`, start: 0, end: tag.length, text: tag, term: lower, predicate: 'hashtag' });
    });
  }
  for (const match of inText) {
    if (wantedTag(condition, state.compiled, match.lower)) spans.push({ field: 'text', start: match.index, end: match.index + match.text.length, text: match.text, term: match.lower, predicate: 'hashtag' });
  }
  return spans.length > 0 ? { matched: true, spans, sensitive: false } : NO;
}

/** Whether the condition wants the tag, given in lower case. */
function wantedTag(condition: Extract<CompiledCondition, { kind: 'hashtag' }>, compiled: CompiledRules, lower: string): boolean {
  return (condition.tags?.has(lower) ?? false) || (condition.candidate && compiled.candidateHashtags.has(lower));
}

const KIND_TO_VIA: Readonly<Record<string, string>> = { like: 'like', share: 'share', repost: 'repost', quote: 'quote', reply: 'reply', comment: 'comment', follow: 'follow', membership: 'membership' };

function interacts(condition: Extract<CompiledCondition, { kind: 'interacts' }>, state: ItemState): Outcome {
  const { item, compiled } = state;
  const spans: MatchSpan[] = [];
  const accept = (keys: string[]) => {
    for (const key of keys) {
      const info = compiled.accounts.get(key);
      if (info && condition.accounts.has(info.kind)) return info;
    }
    return undefined;
  };
  const via = KIND_TO_VIA[item.kind];
  if (via && (!condition.via || condition.via.has(via)) && item.target) {
    const target = item.target;
    const keys = [...accountLookupKeys(item.platform, target.author ?? {})];
    if (target.kind !== 'post') keys.push(...accountLookupKeys(item.platform, { id: target.id }), ...accountLookupKeys(item.platform, { handle: target.id }));
    if (accept(keys)) {
      const handle = target.author?.handle;
      spans.push(handle ? { field: 'target.author.handle', start: 0, end: handle.length, text: handle, predicate: `interacts:${via}` } : { field: 'target.id', start: 0, end: target.id.length, text: target.id, predicate: `interacts:${via}` });
    }
  }
  if (!condition.via || condition.via.has('mention')) {
    item.mentions.forEach((mention, index) => {
      if (accept(accountLookupKeys(item.platform, mention))) {
        const text = mention.handle ?? mention.id ?? '';
        spans.push({ field: `mentions.${index}.${mention.handle ? 'handle' : 'id'}`, start: 0, end: text.length, text, predicate: 'interacts:mention' });
      }
    });
  }
  return spans.length > 0 ? { matched: true, spans, sensitive: false } : NO;
}

function authorAccount(registered: boolean, state: ItemState): Outcome {
  const { item, subject, compiled } = state;
  const limit = compiled.context.officialAccountLimitPerPlatform;
  const isRegistered = accountLookupKeys(item.platform, item.author).some((key) => {
    const info = compiled.accounts.get(key);
    return info !== undefined && info.kind === 'official' && info.platformIndex < limit && (subject.candidatePairNumber === undefined || info.pair === subject.candidatePairNumber);
  });
  if (isRegistered !== registered) return NO;
  const handle = item.author.handle ?? item.author.id ?? '';
  return { matched: true, spans: [{ field: item.author.handle ? 'author.handle' : 'author.id', start: 0, end: handle.length, text: handle, predicate: registered ? 'authorAccount:registered' : 'authorAccount:unregistered' }], sensitive: false };
}

function tokenIndexAt(field: FieldAnalysis, offset: number, on: 'text' | 'root', edge: 'start' | 'end'): number {
  const tokens = field.normalized.tokens;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const start = on === 'text' ? token.start : token.rootStart;
    const end = on === 'text' ? token.end : token.rootEnd;
    if (offset < end) return edge === 'start' || offset >= start ? index : index - 1;
  }
  return tokens.length - 1;
}

function spanOf(field: FieldAnalysis, hit: TokenHit, predicate: string): MatchSpan {
  const tokens = field.normalized.tokens;
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (let index = hit.first; index <= hit.last; index++) {
    const token = tokens[index]!;
    start = Math.min(start, token.originalStart);
    end = Math.max(end, token.originalEnd);
  }
  start = Math.max(0, start + field.offsetShift);
  end = Math.max(start, end + field.offsetShift);
  return { field: field.field, start, end, text: field.value.slice(start, end), term: hit.term, predicate };
}

function toFinding({ ruleSet, rule }: CompiledRule, input: EvaluateItemInput, outcome: Outcome, moment: PhaseMoment, actAt: string, itemHash: string): Finding {
  const { item, subject, evidence, now } = input;
  const notes = [REVIEW_NOTE];
  if (rule.legalBasis.some((basis) => !basis.verified)) notes.push(UNVERIFIED_NOTE);
  if (outcome.sensitive) notes.push(SENSITIVE_NOTE);
  if (!item.createdAt) notes.push(ACT_TIME_NOTE);
  const claims = outcome.claims && dedupeClaims(outcome.claims);
  for (const known of claims ?? []) notes.push(claimNote(known));
  notes.push(...rule.notes);
  const account = accountKey({ platform: item.platform, handle: item.author.handle ?? item.author.id ?? 'unknown', id: item.author.id });
  const spans = withImages(dedupeSpans(outcome.spans), input.mediaTexts ?? []);
  const images = [...new Set(spans.flatMap((span) => (span.image ? [span.image.blobSha256] : [])))].sort();
  const idSource = `${ruleSet.id}\u0000${ruleSet.version}\u0000${rule.id}\u0000${itemHash}${images.length > 0 ? `\u0000media\u0000${images.join(',')}` : ''}`;
  return {
    id: `finding-${sha256Hex(idSource).slice(0, 40)}`,
    ruleId: rule.id,
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    title: rule.title,
    category: rule.category,
    sanctions: rule.sanctions,
    severity: rule.severity,
    routes: rule.routes,
    legalBasis: rule.legalBasis,
    subjectId: subject.id,
    subjectCategory: subject.category,
    accountKey: account,
    itemKey: `${item.platform}:${item.id}`,
    itemKind: item.kind,
    phase: moment.phase,
    actAt,
    spans,
    ...(claims ? { claims } : {}),
    evidence: { captureId: evidence.captureId, rawBlobs: evidence.rawBlobs, itemHash },
    createdAt: now,
    notes,
  };
}

/** A span in text read from an image names that image and the box around the words it covers. */
function withImages(spans: MatchSpan[], mediaTexts: readonly MediaText[]): MatchSpan[] {
  if (mediaTexts.length === 0) return spans;
  return spans.map((span) => {
    const mediaText = mediaTexts.find((candidate) => mediaTextField(candidate.mediaIndex) === span.field);
    const image = mediaText ? mediaSpanImage(mediaText, span.start, span.end) : undefined;
    return image ? { ...span, image } : span;
  });
}

/** The reviewer's line for a matched claim: which claim, who debunked it, when, and where to read it. */
export function claimNote(known: FindingClaim): string {
  return `Cocok dengan klaim yang sudah dibantah "${known.id}" (skor ${known.score.toFixed(2)}): ${known.publisher}, ${known.date}, ${known.url} / Matches the debunked claim "${known.id}" (score ${known.score.toFixed(2)}): ${known.publisher}, ${known.date}, ${known.url}`;
}

function dedupeClaims(claims: FindingClaim[]): FindingClaim[] {
  const byId = new Map<string, FindingClaim>();
  for (const known of claims) {
    const previous = byId.get(known.id);
    if (!previous || previous.score < known.score) byId.set(known.id, known);
  }
  return [...byId.values()].sort((a, b) => b.score - a.score);
}

function dedupeSpans(spans: MatchSpan[]): MatchSpan[] {
  const seen = new Set<string>();
  return spans.filter((span) => {
    const key = `${span.field}|${span.start}|${span.end}|${span.predicate ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
