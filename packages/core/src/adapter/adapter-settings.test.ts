import { describe, expect, it } from 'vitest';
import { AdapterSettingsError, adapterSettingsReader } from './adapter-settings.js';

describe('adapterSettingsReader', () => {
  it('takes the settings object first, then the environment, then the fallback', () => {
    const env = { SIPANSOS_DEMO_BASE_URL: 'https://env.example.test', SIPANSOS_DEMO_PAGES: '7' };
    expect(adapterSettingsReader('createDemoAdapter', { baseUrl: 'https://given.example.test' }, env).string({ name: 'baseUrl', variable: 'SIPANSOS_DEMO_BASE_URL' })).toBe('https://given.example.test');
    expect(adapterSettingsReader('createDemoAdapter', {}, env).string({ name: 'baseUrl', variable: 'SIPANSOS_DEMO_BASE_URL' })).toBe('https://env.example.test');
    expect(adapterSettingsReader('createDemoAdapter', {}, {}).string({ name: 'baseUrl', variable: 'SIPANSOS_DEMO_BASE_URL', fallback: 'https://default.example.test' })).toBe('https://default.example.test');
    expect(adapterSettingsReader('createDemoAdapter', {}, env).number({ name: 'pages', variable: 'SIPANSOS_DEMO_PAGES', fallback: 3, min: 1, max: 10, integer: true })).toBe(7);
  });

  it('fails with one error type naming the factory, the setting and its variable', () => {
    const missing = (): string => adapterSettingsReader('createDemoAdapter', {}, { SIPANSOS_DEMO_TOKEN: '  ' }).string({ name: 'token', variable: 'SIPANSOS_DEMO_TOKEN', hint: 'a token from the console' });
    expect(missing).toThrow(AdapterSettingsError);
    expect(missing).toThrow('createDemoAdapter: settings.token (or SIPANSOS_DEMO_TOKEN) is required: a token from the console');
    try {
      missing();
    } catch (error) {
      expect(error).toBeInstanceOf(TypeError);
      expect(error).toMatchObject({ type: 'invalid_adapter_settings', factory: 'createDemoAdapter', setting: 'settings.token', variable: 'SIPANSOS_DEMO_TOKEN' });
    }
    expect(() => adapterSettingsReader('createDemoAdapter', {}, { SIPANSOS_DEMO_PAGES: 'many' }).number({ name: 'pages', variable: 'SIPANSOS_DEMO_PAGES', fallback: 3, min: 1, max: 10 })).toThrow(
      'createDemoAdapter: settings.pages (or SIPANSOS_DEMO_PAGES) must be a number from 1 to 10, got "many"',
    );
  });

  it('never echoes a malformed secret back in the message', () => {
    const read = (): string => adapterSettingsReader('createDemoAdapter', { token: 'EAAsecret with spaces' }, {}).string({ name: 'token', pattern: /^\S+$/, hint: 'must have no spaces', secret: true });
    expect(read).toThrow('createDemoAdapter: settings.token must have no spaces');
    expect(read).not.toThrow(/EAAsecret/);
  });
});
