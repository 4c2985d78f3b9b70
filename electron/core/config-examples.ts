/**
 * An example value for each key IT must write (those without a default), shown when one is
 * missing and put into docs/config.schema.json as `examples`. Paths as in error messages;
 * `[]` stands for any array index or record key.
 */
export const CONFIG_EXAMPLES: Readonly<Record<string, unknown>> = {
  storeId: 'store-001',
  dataDir: '/var/lib/shelfbridge',
  stokly: { baseUrl: 'https://api.stok.ly', accountKey: 'acme', clientId: 'your-client-id', secretKeyFile: '/etc/shelfbridge/stokly-secret', locationId: 'your-store-location-id', channelId: 'your-kiosk-channel-id' },
  'stokly.baseUrl': 'https://api.stok.ly',
  'stokly.accountKey': 'acme',
  'stokly.clientId': 'your-client-id',
  'stokly.locationId': 'your-store-location-id',
  'stokly.channelId': 'your-kiosk-channel-id',
  'kioskApi.kiosks.[].id': 'kiosk-01',
  'kioskApi.kiosks.[].tokenSha256': '0d277fa0f84aa7c100c5409b1df9e0b629fbb9eb5cdf03a86f57731319d3b6e4',
  tenders: { card: { method: 4, ledger: 'Card takings' }, cash: { method: 1, ledger: 'Cash takings' } },
  'cloudshelf.locationId': 'gid://cloudshelf/Location/your-location',
  'metrics.token': 'a-long-random-string-prometheus-sends',
};

/** The example for a path such as ['kioskApi', 'kiosks', 0, 'id'], if there is one. */
export function exampleFor(path: ReadonlyArray<PropertyKey>): unknown {
  const key = path.map((p) => (typeof p === 'number' ? '[]' : String(p))).join('.');
  return CONFIG_EXAMPLES[key];
}
