import { EventEmitter } from 'node:events';
import type { KioskEvent } from '../../../shared/kiosk-api.js';

export type { KioskEvent };

/** Fans events out to every kiosk connected to `GET /v1/events`. */
export class EventHub {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per connected kiosk screen; a store has tens, not thousands.
    this.emitter.setMaxListeners(1_000);
  }

  publish(e: KioskEvent): void {
    this.emitter.emit('event', e);
  }

  subscribe(listener: (e: KioskEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  /** Ends every open stream (the agent is stopping), so the server can close. */
  closeAll(): void {
    this.emitter.emit('close');
  }

  onClose(listener: () => void): () => void {
    this.emitter.once('close', listener);
    return () => this.emitter.off('close', listener);
  }

  /** Ends the open streams of one kiosk (its token was revoked). */
  closeKiosk(kioskId: string): void {
    this.emitter.emit(`close:${kioskId}`);
  }

  onKioskClose(kioskId: string, listener: () => void): () => void {
    this.emitter.once(`close:${kioskId}`, listener);
    return () => this.emitter.off(`close:${kioskId}`, listener);
  }

  get subscribers(): number {
    return this.emitter.listenerCount('event');
  }
}
