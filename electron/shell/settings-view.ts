import type { DesktopSettings, SecretState } from '../../shared/desktop-settings.js';
import { secretEnvVars, type EnterableSecret } from './secret-store.js';
import type { ShellConfig } from './shell-config.js';

/**
 * Where each entered secret stands: the environment wins over a stored one at every start
 * (IT rotating a key), so the screen says so rather than let a typed secret be overridden silently.
 */
export function secretStates(stored: Record<EnterableSecret, boolean>, env: Record<string, string | undefined>): Record<EnterableSecret, SecretState> {
  const state = (key: EnterableSecret): SecretState => (env[secretEnvVars[key]]?.trim() ? 'environment' : stored[key] ? 'stored' : 'missing');
  return { stoklySecretKey: state('stoklySecretKey'), cloudshelfApiKey: state('cloudshelfApiKey') };
}

export function desktopSettingsView(input: {
  configPath: string;
  version: string;
  config: ShellConfig;
  stored: Record<EnterableSecret, boolean>;
  env: Record<string, string | undefined>;
  canStoreSecrets: boolean;
  pendingUpdate: { version: string; reason: string } | null;
}): DesktopSettings {
  return {
    configPath: input.configPath,
    version: input.version,
    settings: input.config.safe,
    configError: input.config.error,
    secrets: secretStates(input.stored, input.env),
    canStoreSecrets: input.canStoreSecrets,
    pendingUpdate: input.pendingUpdate,
  };
}
