import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from './roles.js';

/** One browser's session: anonymous until login, then bound to a user. */
export interface WebSession {
  id: string;
  /** Synchronizer token every form of this session carries. */
  csrf: string;
  user?: { username: string; name: string; role: Role };
  createdAt: number;
  lastSeenAt: number;
}

/** Settings of {@link createSessionStore}. */
export interface SessionStoreSettings {
  /** A session unused this long ends. @default 2 hours */
  idleMs?: number;
  /** A session ends this long after it began, used or not. @default 12 hours */
  absoluteMs?: number;
  /** At most this many sessions are kept; the oldest go first. @default 10_000 */
  maxSessions?: number;
  now?: () => number;
}

/** Sessions in memory: a restart signs everyone out, which is the safe direction. */
export interface SessionStore {
  create(user?: WebSession['user']): WebSession;
  get(id: string | undefined): WebSession | undefined;
  /** Replace a session with a new id (at login), so a planted id is worthless. */
  rotate(old: WebSession | undefined, user: NonNullable<WebSession['user']>): WebSession;
  end(id: string): void;
  /** End every session of a user (disabled or password changed). */
  endUser(username: string): void;
  size(): number;
}

const token = (): string => randomBytes(32).toString('base64url');

/** Create the in-memory session store. */
export function createSessionStore(settings: SessionStoreSettings = {}): SessionStore {
  const idleMs = settings.idleMs ?? 2 * 60 * 60 * 1000;
  const absoluteMs = settings.absoluteMs ?? 12 * 60 * 60 * 1000;
  const maxSessions = settings.maxSessions ?? 10_000;
  const now = settings.now ?? Date.now;
  const sessions = new Map<string, WebSession>();

  const create = (user?: WebSession['user']): WebSession => {
    while (sessions.size >= maxSessions) {
      const oldest = sessions.keys().next().value;
      if (oldest === undefined) break;
      sessions.delete(oldest);
    }
    const at = now();
    const session: WebSession = { id: token(), csrf: token(), createdAt: at, lastSeenAt: at, ...(user ? { user } : {}) };
    sessions.set(session.id, session);
    return session;
  };

  return {
    create,
    get(id) {
      if (!id) return undefined;
      const session = sessions.get(id);
      if (!session) return undefined;
      const at = now();
      if (at - session.lastSeenAt > idleMs || at - session.createdAt > absoluteMs) {
        sessions.delete(id);
        return undefined;
      }
      session.lastSeenAt = at;
      return session;
    },
    rotate(old, user) {
      if (old) sessions.delete(old.id);
      return create(user);
    },
    end(id) {
      sessions.delete(id);
    },
    endUser(username) {
      for (const [id, session] of sessions) if (session.user?.username === username) sessions.delete(id);
    },
    size: () => sessions.size,
  };
}

/** Compare a submitted CSRF token with the session's in constant time. */
export function csrfMatches(session: WebSession | undefined, submitted: unknown): boolean {
  if (!session || typeof submitted !== 'string' || submitted.length === 0) return false;
  const expected = Buffer.from(session.csrf);
  const given = Buffer.from(submitted);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
