import { electronBridge } from '../api/bridge.js';

export function Header({ storeId, version, inElectron }: { storeId: string | null; version: string | null; inElectron: boolean }) {
  const bridge = inElectron ? electronBridge() : null;
  return (
    <header className="app-header">
      <div>
        <h1>Shelfbridge — store sync</h1>
        {storeId && <p className="subtle">Store {storeId} · agent {version}</p>}
      </div>
      {bridge && (
        <button type="button" className="button-secondary" onClick={() => void bridge.openLogsFolder()}>
          Open logs folder
        </button>
      )}
    </header>
  );
}
