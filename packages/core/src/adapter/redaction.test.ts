import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from './redaction.js';

const TOKEN = 'EAAFakeTokenForTests0000/abc+def==';
const PROOF = 'f'.repeat(20) + '0123456789abcdef'.repeat(2) + 'e'.repeat(12);
const redactor = createRedactor([TOKEN, PROOF], ['access_token', 'appsecret_proof']);

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
const textOf = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

describe('redacting raw bodies', () => {
  it('removes the token Meta puts into paging links, in every form, and counts each rule', () => {
    const next = `https:\\/\\/graph.facebook.com\\/v25.0\\/1\\/posts?access_token=${encodeURIComponent(TOKEN)}&appsecret_proof=${PROOF}&after=QVFI`;
    const previous = `https:\\/\\/graph.facebook.com\\/v25.0\\/1\\/posts?access_token=${TOKEN.replace(/\//g, '\\/')}&before=QVFH`;
    const body = `{"data":[],"paging":{"next":"${next}","previous":"${previous}"},"echo":"${TOKEN}"}`;
    const out = redactor.body(bytesOf(body));
    const text = textOf(out.bytes);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(encodeURIComponent(TOKEN));
    expect(text).not.toContain(TOKEN.replace(/\//g, '\\/'));
    expect(text).not.toContain(PROOF);
    expect(text).toContain(`posts?access_token=${REDACTED}&appsecret_proof=${REDACTED}&after=QVFI`);
    expect(text).toContain(`posts?access_token=${REDACTED}&before=QVFH`);
    expect(out.redactions).toEqual([
      { rule: 'secret-value', count: 2 },
      { rule: 'secret-value-url-encoded', count: 1 },
      { rule: 'secret-value-json-escaped', count: 1 },
    ]);
  });

  it('removes the value of a secret query parameter even when the value is not a configured secret', () => {
    const out = redactor.body(bytesOf('{"next":"https://graph.example/x?limit=2&access_token=EAAOtherPageToken123&after=Q"}'));
    expect(textOf(out.bytes)).toBe(`{"next":"https://graph.example/x?limit=2&access_token=${REDACTED}&after=Q"}`);
    expect(out.redactions).toEqual([{ rule: 'secret-query-param', count: 1 }]);
  });

  it('keeps every other byte as received, invalid UTF-8 and multi-byte text included', () => {
    const before = new Uint8Array([0xff, 0xfe, 0x00, ...bytesOf('Pilkada — “ok” '), 0xc3]);
    const after = new Uint8Array([0x80, ...bytesOf(' ✓'), 0xed, 0xa0, 0x80]);
    const body = new Uint8Array([...before, ...bytesOf(TOKEN), ...after]);
    const out = redactor.body(body);
    expect([...out.bytes]).toEqual([...before, ...bytesOf(REDACTED), ...after]);
  });

  it('hands back the very same bytes, with no redaction recorded, when the body holds no secret', () => {
    const body = bytesOf('{"data":[{"id":"1","message":"access token? Bearer of good news"}]}');
    const out = redactor.body(body);
    expect(out.bytes).toBe(body);
    expect(out.redactions).toEqual([]);
  });

  it('ignores secrets too short to be tokens, so ordinary words are never cut', () => {
    const out = createRedactor(['abc']).body(bytesOf('abc abc'));
    expect(out.redactions).toEqual([]);
  });
});
