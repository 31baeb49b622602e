/**
 * Why an adapter factory refused its settings: a setting (or the environment variable standing
 * in for it) is missing or unusable. Adapter factories (`createXAdapter`, `createFacebookAdapter`,
 * `createPlatformAdapter`, …) throw it — the one documented throw of the adapter packages:
 * construction is setup, done once before any evidence is taken, and must stop there. Every
 * adapter *call* returns a `Result` instead.
 *
 * It is a `TypeError` with a plain `{ type, message }` face, so `catch` blocks can print it and
 * `instanceof AdapterSettingsError` tells it from a bug. The message never holds a secret.
 */
export class AdapterSettingsError extends TypeError {
  readonly type = 'invalid_adapter_settings';
  /** The factory, e.g. `createFacebookAdapter`. */
  readonly factory: string;
  /** The setting's path, e.g. `settings.apiVersion`. */
  readonly setting: string;
  /** The environment variable that may stand in for it, when there is one. */
  readonly variable: string | undefined;

  constructor(input: { factory: string; setting: string; variable?: string; problem: string }) {
    const name = input.variable ? `${input.setting} (or ${input.variable})` : input.setting;
    super(`${input.factory}: ${name} ${input.problem}`);
    this.name = 'AdapterSettingsError';
    this.factory = input.factory;
    this.setting = input.setting;
    this.variable = input.variable;
  }
}

/** How one setting is read: its name in `settings`, its environment variable, its rules. */
export interface SettingSpec<T> {
  /** Key in the settings object, e.g. `apiVersion`. */
  name: string;
  /** Environment variable read when the setting is not given, e.g. `SIPANSOS_FACEBOOK_API_VERSION`. */
  variable?: string;
  /** Used when neither is set. Without it the setting is required. */
  fallback?: T;
}

/**
 * Reads an adapter's settings from its settings object, then its environment, the same way in
 * every adapter, failing with an {@link AdapterSettingsError} that names both places.
 */
export interface AdapterSettingsReader {
  /** A string setting; `pattern` (with `hint` saying what is expected) checks it. */
  string(spec: SettingSpec<string> & { pattern?: RegExp; hint?: string; secret?: boolean }): string;
  /** An optional string setting: `undefined` when neither place sets it. */
  optionalString(spec: Omit<SettingSpec<string>, 'fallback'> & { pattern?: RegExp; hint?: string; secret?: boolean }): string | undefined;
  /** A number setting within `[min, max]` (whole when `integer`). Environment text is parsed. */
  number(spec: SettingSpec<number> & { min: number; max: number; integer?: boolean }): number;
  /** Fail naming a setting (for checks the reader cannot express). */
  fail(name: string, problem: string, variable?: string): never;
}

/**
 * Build an {@link AdapterSettingsReader}.
 * @param factory - the factory's name, for messages (`createXAdapter`).
 * @param settings - the settings object the caller passed.
 * @param env - where environment variables come from. @default process.env
 */
export function adapterSettingsReader(factory: string, settings: object, env: Record<string, string | undefined> = process.env): AdapterSettingsReader {
  const values = settings as Record<string, unknown>;
  const fail = (name: string, problem: string, variable?: string): never => {
    throw new AdapterSettingsError({ factory, setting: `settings.${name}`, ...(variable ? { variable } : {}), problem });
  };
  const raw = (name: string, variable: string | undefined): { value: unknown; from: 'settings' | 'env' } | undefined => {
    if (values[name] !== undefined) return { value: values[name], from: 'settings' };
    const fromEnv = variable ? env[variable] : undefined;
    // An empty variable counts as unset, as shells leave `X=` behind.
    if (fromEnv !== undefined && fromEnv.trim() !== '') return { value: fromEnv.trim(), from: 'env' };
    return undefined;
  };
  const optionalString: AdapterSettingsReader['optionalString'] = (spec) => {
    const found = raw(spec.name, spec.variable);
    if (!found) return undefined;
    if (typeof found.value !== 'string' || found.value.trim() === '') return fail(spec.name, 'must be a non-empty string', spec.variable);
    const value = found.value.trim();
    if (spec.pattern && !spec.pattern.test(value)) {
      // A secret is never echoed back, even a malformed one.
      return fail(spec.name, `${spec.hint ?? `must match ${String(spec.pattern)}`}${spec.secret ? '' : `, got ${JSON.stringify(value)}`}`, spec.variable);
    }
    return value;
  };
  return {
    fail,
    optionalString,
    string(spec) {
      const value = optionalString(spec);
      if (value !== undefined) return value;
      if (spec.fallback !== undefined) return spec.fallback;
      return fail(spec.name, `is required${spec.hint ? `: ${spec.hint}` : ''}`, spec.variable);
    },
    number(spec) {
      const found = raw(spec.name, spec.variable);
      const value = found === undefined ? spec.fallback : typeof found.value === 'string' ? Number(found.value) : found.value;
      if (value === undefined) return fail(spec.name, 'is required', spec.variable);
      const kind = spec.integer ? 'a whole number' : 'a number';
      if (typeof value !== 'number' || !Number.isFinite(value) || value < spec.min || value > spec.max || (spec.integer && !Number.isInteger(value))) {
        return fail(spec.name, `must be ${kind} from ${spec.min} to ${spec.max}, got ${JSON.stringify(found?.value ?? value)}`, spec.variable);
      }
      return value;
    },
  };
}
