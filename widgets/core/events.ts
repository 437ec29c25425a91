import type { z } from 'zod';
import type { SessionInfo } from '../../common/admin.schema.js';

/**
 * The public event contract of every widget. All events bubble and are composed, so the host page
 * can listen on the widget or any ancestor; in TypeScript `addEventListener('ngo-select', (e) => …)`
 * gets the typed event through the `GlobalEventHandlersEventMap` entries below.
 */

/** Base of the `ngo-*` events: bubbling and composed, so the host page can listen on any ancestor. */
export class NgoEvent<D = undefined> extends Event {
  constructor(type: `ngo-${string}`, readonly detail: D, init: EventInit = {}) {
    super(type, { bubbles: true, composed: true, ...init });
  }
}

/** What a person opened: an organisation, a consultation, a section of the staff panel. */
export interface SelectDetail {
  id: string;
  /** Its name as shown, in the widget's language. */
  name: string;
}

/** `ngo-select`: a person opened an entry. */
export class NgoSelectEvent extends NgoEvent<SelectDetail> {
  constructor(detail: SelectDetail) {
    super('ngo-select', detail);
  }
}

/**
 * What a form sends. `kind` names the form: `create`, `correction`, `owner`, `confirm`, `staff`
 * (the map), `remark`, `support`, `confirm`, `confirm-support` (consultations); a widget may add
 * fields (`consultation`).
 */
export interface SubmitDetail {
  kind: string;
}

/** `ngo-submit`: a form is about to be sent. Cancelable: `preventDefault()` stops the sending. */
export class NgoSubmitEvent<D extends SubmitDetail = SubmitDetail> extends NgoEvent<D> {
  constructor(detail: D) {
    super('ngo-submit', detail, { cancelable: true });
  }
}

/** The API's answer to a form: the new record's id and its status (`unconfirmed`, `pending`, `published`, `verified`, `saved`). */
export interface SubmittedDetail extends SubmitDetail {
  id: string;
  status: string;
}

/** `ngo-submitted`: the API accepted the form. */
export class NgoSubmittedEvent extends NgoEvent<SubmittedDetail> {
  constructor(detail: SubmittedDetail) {
    super('ngo-submitted', detail);
  }
}

/** A form that could not be sent, or a link that no longer works: `code` is the API's error code (`network_error` offline). */
export interface ErrorDetail extends SubmitDetail {
  code: string;
}

/** `ngo-error`: sending a form failed; the widget shows the error itself, this is for the host's logs. */
export class NgoErrorEvent extends NgoEvent<ErrorDetail> {
  constructor(detail: ErrorDetail) {
    super('ngo-error', detail);
  }
}

/** `ngo-cancel`: the person closed a form (Cancel, Close or Escape, after confirming when they had typed). */
export class NgoCancelEvent extends NgoEvent {
  constructor() {
    super('ngo-cancel', undefined);
  }
}

/** `ngo-month-change`: the person moved a calendar to another month (`YYYY-MM`), with the day that has the focus. */
export class NgoMonthChangeEvent extends NgoEvent<{ month: string; date: string }> {
  constructor(detail: { month: string; date: string }) {
    super('ngo-month-change', detail);
  }
}

/** The signed-in staff member. */
export type StaffDetail = z.output<typeof SessionInfo>['staff'];

/** `ngo-signed-in`: the staff panel signed a person in. */
export class NgoSignedInEvent extends NgoEvent<{ staff: StaffDetail }> {
  constructor(staff: StaffDetail) {
    super('ngo-signed-in', { staff });
  }
}

/** `ngo-signed-out`: the person signed out of the staff panel. */
export class NgoSignedOutEvent extends NgoEvent {
  constructor() {
    super('ngo-signed-out', undefined);
  }
}

/** `ngo-unauthorized` (inside the staff panel): the API answered 401, the panel returns to its sign-in form. */
export class NgoUnauthorizedEvent extends NgoEvent {
  constructor() {
    super('ngo-unauthorized', undefined);
  }
}

/**
 * `ngo-staff-status` (inside a staff section): a part of the section announces `message` (empty to
 * clear). The section that contains the part cancels it and shows the message in its one live
 * region; a section with no such parent shows it itself (see `StaffSection.announce`).
 */
export class NgoStaffStatusEvent extends NgoEvent<{ message: string }> {
  constructor(message: string) {
    super('ngo-staff-status', { message }, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ngo-select': NgoSelectEvent;
    'ngo-submit': NgoSubmitEvent;
    'ngo-submitted': NgoSubmittedEvent;
    'ngo-error': NgoErrorEvent;
    'ngo-cancel': NgoCancelEvent;
    'ngo-month-change': NgoMonthChangeEvent;
    'ngo-signed-in': NgoSignedInEvent;
    'ngo-signed-out': NgoSignedOutEvent;
    'ngo-unauthorized': NgoUnauthorizedEvent;
    'ngo-staff-status': NgoStaffStatusEvent;
  }
}
