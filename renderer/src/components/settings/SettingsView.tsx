import { useCallback, useEffect, useId, useState } from 'react';
import type { ShelfbridgeBridge } from '../../../../shared/bridge-api.js';
import { desktopSettingsSchema, type DesktopSettings, type SecretState } from '../../../../shared/desktop-settings.js';

/**
 * Desktop only (the Electron window's bridge): where the configuration lives, the settings
 * safe to show, and a form to enter or replace the Stok.ly and Cloudshelf secrets. Secrets go
 * to the shell, which keeps them in the OS secret store; they are never shown back.
 */
export function SettingsView({ bridge }: { bridge: ShelfbridgeBridge }) {
  const [view, setView] = useState<DesktopSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    bridge.settings().then((raw) => setView(desktopSettingsSchema.parse(raw)), (err: unknown) => setError((err as Error).message));
  }, [bridge]);
  useEffect(load, [load]);

  if (error) return <div className="action-error" role="alert"><p>Settings could not be read: {error}</p></div>;
  if (!view) return <p className="subtle">Loading settings…</p>;
  return (
    <div className="settings">
      <section aria-labelledby="settings-config">
        <h2 id="settings-config">Configuration</h2>
        <p>Configuration file: <code>{view.configPath}</code></p>
        <p className="subtle">Shelfbridge {view.version}. IT edits this file (docs/configuration.md); the agent reads it when it starts.</p>
        {view.configError && <div className="action-error" role="alert"><p><strong>The file cannot be used:</strong> {view.configError}</p></div>}
        {view.settings && <SafeSettingsTable settings={view.settings} />}
      </section>
      {view.pendingUpdate && (
        <section aria-labelledby="settings-update">
          <h2 id="settings-update">Update waiting</h2>
          <p>Version {view.pendingUpdate.version} is downloaded and waits: {view.pendingUpdate.reason}.</p>
        </section>
      )}
      <SecretsForm view={view} bridge={bridge} onSaved={setView} />
    </div>
  );
}

const stateWords: Record<SecretState, string> = {
  stored: 'Set (kept encrypted on this PC)',
  environment: 'Set by an environment variable, which wins at every start',
  missing: 'Not set',
};

function SecretsForm({ view, bridge, onSaved }: { view: DesktopSettings; bridge: ShelfbridgeBridge; onSaved(view: DesktopSettings): void }) {
  const [stokly, setStokly] = useState('');
  const [cloudshelf, setCloudshelf] = useState('');
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const f = useId();
  const save = async (): Promise<void> => {
    setSaving(true);
    setOutcome(null);
    try {
      const next = desktopSettingsSchema.parse(await bridge.setSecrets({
        ...(stokly.trim() ? { stoklySecretKey: stokly.trim() } : {}),
        ...(cloudshelf.trim() ? { cloudshelfApiKey: cloudshelf.trim() } : {}),
      }));
      setStokly('');
      setCloudshelf('');
      onSaved(next);
      setOutcome({ ok: true, text: 'Saved. The agent is restarting with the new secrets; this window reconnects by itself.' });
    } catch (err) {
      setOutcome({ ok: false, text: (err as Error).message });
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="action-card" aria-labelledby={`${f}-title`} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2 id={`${f}-title`}>Secrets</h2>
      <p className="subtle">Typed once, kept encrypted by Windows for this user, never shown again. Leave a field empty to keep the current one.</p>
      {!view.canStoreSecrets && (
        <div className="action-error" role="alert"><p>This PC has no secret store, so secrets cannot be saved here. IT sets them as environment variables (docs/operations.md).</p></div>
      )}
      <label className="field-label" htmlFor={`${f}-stokly`}>Stok.ly secret key — {stateWords[view.secrets.stoklySecretKey]}</label>
      <input id={`${f}-stokly`} type="password" autoComplete="off" maxLength={4096} value={stokly} onChange={(e) => setStokly(e.target.value)} />
      <label className="field-label" htmlFor={`${f}-cloudshelf`}>Cloudshelf API key — {stateWords[view.secrets.cloudshelfApiKey]}</label>
      <input id={`${f}-cloudshelf`} type="password" autoComplete="off" maxLength={4096} value={cloudshelf} onChange={(e) => setCloudshelf(e.target.value)} />
      <div className="button-row">
        <button type="submit" disabled={saving || !view.canStoreSecrets || (!stokly.trim() && !cloudshelf.trim())}>{saving ? 'Saving…' : 'Save secrets'}</button>
      </div>
      {outcome && (outcome.ok ? <p role="status">{outcome.text}</p> : <div className="action-error" role="alert"><p><strong>Not saved:</strong> {outcome.text}</p></div>)}
    </form>
  );
}

function SafeSettingsTable({ settings }: { settings: NonNullable<DesktopSettings['settings']> }) {
  const w = settings.updates.maintenanceWindow;
  const rows: Array<[string, string]> = [
    ['Store', settings.storeId],
    ['Data folder', settings.dataDir],
    ['Kiosk API', `${settings.kioskApi.host}:${settings.kioskApi.port} (${settings.kioskApi.kiosksInFile} kiosk(s) in the file)`],
    ['Staff API', `${settings.adminApi.host}:${settings.adminApi.port}`],
    ['Stok.ly', `${settings.stokly.baseUrl}, account ${settings.stokly.accountKey}, location ${settings.stokly.locationId}, channel ${settings.stokly.channelId}`],
    ['Cloudshelf', settings.cloudshelf ? `${settings.cloudshelf.apiUrl}, location ${settings.cloudshelf.locationId}` : 'not used'],
    ['Backups', `${settings.backup.schedule} (cron), keep ${settings.backup.keep}`],
    ['Updates', settings.updates.enabled
      ? `${settings.updates.channel}, ${settings.updates.feedUrl ?? 'the built-in server'}, installed ${w.start}–${w.end} (${w.timeZone})`
      : 'off'],
    ['Log level', settings.logLevel],
  ];
  return (
    <table>
      <caption className="subtle">Settings in the file (secrets and tokens are never shown)</caption>
      <tbody>
        {rows.map(([name, value]) => <tr key={name}><th scope="row">{name}</th><td>{value}</td></tr>)}
      </tbody>
    </table>
  );
}
