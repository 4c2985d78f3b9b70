import { enrolledKioskSchema, kioskListSchema, revokedKioskSchema, type EnrolledKiosk, type KioskItem } from '../../../shared/kiosks-admin.js';
import type { Transport } from './transport.js';

export interface KiosksApi {
  kiosks(): Promise<KioskItem[]>;
  /** The answer holds the kiosk's token: the only time it is ever shown. */
  enrolKiosk(kiosk: { id: string; name: string }): Promise<EnrolledKiosk>;
  revokeKiosk(id: string): Promise<void>;
}

export function kiosksApi(t: Transport): KiosksApi {
  return {
    kiosks: async () => (await t.get('/api/kiosks', kioskListSchema)).items,
    enrolKiosk: (kiosk) => t.postJson('/api/kiosks', kiosk, enrolledKioskSchema),
    revokeKiosk: async (id) => {
      await t.deleteJson(`/api/kiosks/${encodeURIComponent(id)}`, revokedKioskSchema);
    },
  };
}
