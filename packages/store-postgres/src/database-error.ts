import type { StoreErrorV1 } from '@sipansos/core/spec';

/**
 * A failed database call as a store error. The message names the operation and PostgreSQL's
 * own text; the connection string (which may hold a password) never appears in it.
 */
export function databaseError(operation: string, error: unknown): StoreErrorV1 {
  const value = error as { code?: string; message?: string };
  const code = typeof value?.code === 'string' ? value.code : undefined;
  const message = redactUrl(String(value?.message ?? error));
  return { type: 'io', operation, message: `${operation}: ${message}`, ...(code ? { code } : {}) };
}

/** Remove the password part of any `postgres://user:password@host` in a text. */
export function redactUrl(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/[^:/@\s]+):[^@\s]*@/gi, '$1:***@');
}
