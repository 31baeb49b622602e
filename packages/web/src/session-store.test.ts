import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from './login-throttle.js';
import { createSessionStore, csrfMatches } from './session-store.js';

describe('sessions', () => {
  it('rotating at login gives a new id and token and ends the old session', () => {
    const sessions = createSessionStore();
    const anonymous = sessions.create();
    const signedIn = sessions.rotate(anonymous, { username: 'staf1', name: 'Staf', role: 'staf' });
    expect(signedIn.id).not.toBe(anonymous.id);
    expect(signedIn.csrf).not.toBe(anonymous.csrf);
    expect(sessions.get(anonymous.id)).toBeUndefined();
    expect(sessions.get(signedIn.id)?.user?.username).toBe('staf1');
  });

  it('an idle session ends', () => {
    let now = 0;
    const sessions = createSessionStore({ idleMs: 1000, now: () => now });
    const session = sessions.create();
    now = 999;
    expect(sessions.get(session.id)).toBeDefined();
    now = 2000;
    expect(sessions.get(session.id)).toBeUndefined();
  });

  it('the CSRF token must match exactly', () => {
    const session = createSessionStore().create();
    expect(csrfMatches(session, session.csrf)).toBe(true);
    expect(csrfMatches(session, `${session.csrf}x`)).toBe(false);
    expect(csrfMatches(session, '')).toBe(false);
    expect(csrfMatches(session, undefined)).toBe(false);
    expect(csrfMatches(undefined, session.csrf)).toBe(false);
  });
});

describe('login throttle', () => {
  it('ten wrong passwords lock the account for a while, then it opens again', () => {
    let now = 0;
    const throttle = createLoginThrottle({ now: () => now, lockMs: 60_000 });
    for (let attempt = 1; attempt <= 9; attempt++) expect(throttle.failed('korban', `10.0.0.${attempt}`)).toBe(false);
    expect(throttle.check('korban', '10.0.0.99').allowed).toBe(true);
    expect(throttle.failed('korban', '10.0.0.10')).toBe(true);
    expect(throttle.check('korban', '10.0.0.99')).toMatchObject({ allowed: false, reason: 'account_locked' });
    expect(throttle.check('lain', '10.0.0.99').allowed).toBe(true);
    now = 60_001;
    expect(throttle.check('korban', '10.0.0.99').allowed).toBe(true);
  });

  it('many failures from one address slow that address down', () => {
    const throttle = createLoginThrottle({ maxPerAddress: 3 });
    for (const user of ['a', 'b', 'c']) throttle.failed(user, '10.0.0.1');
    expect(throttle.check('d', '10.0.0.1')).toMatchObject({ allowed: false, reason: 'address_throttled' });
    expect(throttle.check('d', '10.0.0.2').allowed).toBe(true);
  });
});
