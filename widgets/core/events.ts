/** Base of the `ngo-*` events: bubbling and composed, so the host page can listen on any ancestor. */
export class NgoEvent<D = undefined> extends Event {
  constructor(type: `ngo-${string}`, readonly detail: D, init: EventInit = {}) {
    super(type, { bubbles: true, composed: true, ...init });
  }
}
