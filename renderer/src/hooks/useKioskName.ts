import { useKiosks, useStoreFacts } from '../data/queries.js';

/**
 * A kiosk as people know it: its name (configuration `name`, or the name given at enrolment),
 * with its id only when it has no name.
 */
export function useKioskName(): (kioskId: string) => string {
  const facts = useStoreFacts();
  const kiosks = useKiosks();
  const names = new Map<string, string>();
  for (const k of facts.data?.kiosks ?? []) if (k.name) names.set(k.id, k.name);
  for (const k of kiosks.data ?? []) if (k.name) names.set(k.id, k.name);
  return (kioskId: string) => names.get(kioskId) ?? kioskId;
}

/** Every kiosk the store knows, named, for a choice list. */
export function useKioskChoices(): Array<{ id: string; label: string }> {
  const facts = useStoreFacts();
  const kiosks = useKiosks();
  const byId = new Map<string, string | null>();
  for (const k of facts.data?.kiosks ?? []) byId.set(k.id, k.name);
  for (const k of kiosks.data ?? []) byId.set(k.id, k.name ?? byId.get(k.id) ?? null);
  return [...byId.entries()].map(([id, name]) => ({ id, label: name ? `${name} (${id})` : id })).sort((a, b) => a.label.localeCompare(b.label));
}
