import { useStoreFacts } from '../data/queries.js';

/**
 * A kiosk as people know it: its name (configuration `name`, or the name given at enrolment),
 * with its id only when it has no name. The one source is the store facts (`GET /api/store`),
 * which name every kiosk the store has had, revoked ones too.
 */
export function useKioskName(): (kioskId: string) => string {
  const kiosks = useStoreFacts().data?.kiosks ?? [];
  const names = new Map(kiosks.flatMap((k) => (k.name ? [[k.id, k.name] as const] : [])));
  return (kioskId: string) => names.get(kioskId) ?? kioskId;
}

/** Every kiosk the store knows, named, for a choice list. */
export function useKioskChoices(): Array<{ id: string; label: string }> {
  const kiosks = useStoreFacts().data?.kiosks ?? [];
  return kiosks.map((k) => ({ id: k.id, label: k.name ? `${k.name} (${k.id})` : k.id })).sort((a, b) => a.label.localeCompare(b.label));
}
