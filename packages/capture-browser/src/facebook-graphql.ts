import type { Item } from '@sipansos/core';
import { z } from 'zod';
import type { RecordedExchange } from './exchange-recorder.js';
import { headerValue } from './exchange-secrets.js';

// The Relay answers Facebook's web app fetches from /api/graphql/ (one JSON object per line).
// Only the fields read are checked; anything else in an answer is left alone.
const ActorSchema = z.object({ __typename: z.string().optional(), id: z.string().regex(/^\d{1,30}$/), name: z.string().max(300), url: z.string().max(4000).optional() });

const ReactorsSchema = z.object({
  data: z.object({
    node: z.object({
      id: z.string().max(500),
      reactors: z.object({
        count: z.number().int().nonnegative().optional(),
        edges: z.array(z.object({ node: ActorSchema, feedback_reaction_info: z.object({ id: z.string().max(100).optional(), localized_name: z.string().max(100).optional() }).optional() })).max(10_000),
      }),
    }),
  }),
});

const TimelineSchema = z.object({
  data: z.object({
    node: z.object({
      id: z.string(),
      timeline_list_feed_units: z.object({
        edges: z
          .array(
            z.object({
              node: z.object({
                post_id: z.string().regex(/^[0-9A-Za-z_:-]{1,200}$/),
                creation_time: z.number().int().optional(),
                url: z.string().max(4000).optional(),
                actors: z.array(ActorSchema).min(1),
                message: z.object({ text: z.string().max(100_000) }).nullable().optional(),
              }),
            }),
          )
          .max(10_000),
      }),
    }),
  }),
});

/** Who reacted to one post, as the reactions dialog received it. */
export interface ReactionList {
  postId: string;
  /** `id` is the platform's profile id when the app said it (the JSON does; a dialog link may not). */
  reactors: Array<{ id?: string; name: string; handle?: string; url?: string; reaction?: string }>;
  /** The total the platform reported (may exceed the names received). */
  count?: number;
}

/** What the GraphQL answers of one page held. */
export interface GraphqlReading {
  reactionLists: ReactionList[];
  posts: Item[];
  /** GraphQL answers that were errors (login, rate limit), by code. */
  errorCodes: number[];
}

/** Read reaction lists and timeline posts from the JSON a Facebook page fetched. */
export function readFacebookGraphql(exchanges: readonly RecordedExchange[]): GraphqlReading {
  const reading: GraphqlReading = { reactionLists: [], posts: [], errorCodes: [] };
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (const exchange of exchanges) {
    if (!/\/api\/graphql\/?$/.test(new URL(exchange.url).pathname)) continue;
    if (!/json|javascript|text\/html/.test(headerValue(exchange.responseHeaders, 'content-type') ?? 'application/json')) continue;
    for (const line of decoder.decode(exchange.body).split('\n')) {
      const trimmed = line.trim().replace(/^for \(;;\);/, '');
      if (!trimmed.startsWith('{')) continue;
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch {
        continue;
      }
      const errors = (value as { errors?: Array<{ code?: unknown }> }).errors;
      if (Array.isArray(errors)) for (const error of errors) if (typeof error?.code === 'number') reading.errorCodes.push(error.code);
      const reactors = ReactorsSchema.safeParse(value);
      if (reactors.success) {
        const postId = feedbackPostId(reactors.data.data.node.id);
        if (postId) {
          reading.reactionLists.push({
            postId,
            ...(reactors.data.data.node.reactors.count !== undefined ? { count: reactors.data.data.node.reactors.count } : {}),
            reactors: reactors.data.data.node.reactors.edges.map((edge) => {
              const handle = handleOf(edge.node.url);
              return { id: edge.node.id, name: edge.node.name, ...(handle ? { handle } : {}), ...(edge.node.url ? { url: edge.node.url } : {}), ...(edge.feedback_reaction_info?.localized_name ? { reaction: edge.feedback_reaction_info.localized_name } : {}) };
            }),
          });
        }
        continue;
      }
      const timeline = TimelineSchema.safeParse(value);
      if (timeline.success) {
        for (const { node } of timeline.data.data.node.timeline_list_feed_units.edges) {
          const actor = node.actors[0]!;
          const handle = handleOf(actor.url);
          const text = node.message?.text;
          reading.posts.push({
            platform: 'facebook',
            id: node.post_id,
            kind: 'post',
            author: { id: actor.id, name: actor.name, ...(handle ? { handle } : {}) },
            ...(node.creation_time ? { createdAt: new Date(node.creation_time * 1000).toISOString() } : {}),
            ...(text ? { text } : {}),
            media: [],
            links: [],
            hashtags: [...(text ?? '').matchAll(/#([\p{L}\p{N}_]+)/gu)].map((match) => match[1]!),
            mentions: [],
            ...(node.url ? { url: node.url } : {}),
          });
        }
      }
    }
  }
  return reading;
}

/** Relay feedback ids are base64 of `feedback:<post id>`. */
function feedbackPostId(id: string): string | undefined {
  const decoded = /^[A-Za-z0-9+/=]+$/.test(id) ? Buffer.from(id, 'base64').toString('utf8') : '';
  const match = /^feedback:([0-9A-Za-z_]{1,200})$/.exec(decoded);
  return match?.[1];
}

/** The profile name in a facebook.com profile URL. */
export function handleOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (!/(^|\.)facebook\.com$/.test(parsed.hostname)) return undefined;
    if (parsed.pathname === '/profile.php') return undefined;
    const first = parsed.pathname.split('/').filter(Boolean)[0];
    return first && /^[\p{L}\p{N}._-]{1,100}$/u.test(first) ? first : undefined;
  } catch {
    return undefined;
  }
}
