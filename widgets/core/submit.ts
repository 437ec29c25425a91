import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ABUSE_FIELD, HONEYPOT_FIELD } from '../../common/abuse.js';
import { ApiError, asApiError, newIdempotencyKey, request } from './api.js';
import { NgoErrorEvent, NgoSubmitEvent, NgoSubmittedEvent, type SubmitDetail } from './events.js';
import { ChallengeController } from './pow.js';

/** One sending of a form. */
export interface SubmitRequest<R> {
  /** `ngo-submit` gets it as is; `ngo-submitted` and `ngo-error` get its `kind`. */
  detail: SubmitDetail;
  path: string;
  method?: 'POST' | 'PUT';
  body: object;
  /**
   * An anonymous write (the default): the proof of work and the honeypot go under `abuse`, and
   * an `Idempotency-Key` makes a retry safe. `false` for a confirmation by token or a staff save.
   */
  anonymous?: boolean;
  /** The body carries a secret link's token: a 404, `link_invalid` or 422 is about the link. */
  link?: boolean;
  /** Sends another way (the staff API with its session); default: `request()` to the public API. */
  transport?: (body: unknown, idempotencyKey: string) => Promise<R>;
  /** The id and status `ngo-submitted` reports; default: the answer's own `id` and `status`. */
  result?: (answer: R) => { id: string; status: string };
  /** Called once `ngo-submit` was not canceled, before anything is sent. */
  onSending?: () => void;
}

export type SubmitOutcome<R> =
  | { ok: true; value: R }
  /** The host page canceled `ngo-submit`: nothing was sent. */
  | { ok: false; reason: 'canceled' }
  /** The server's 422 names fields: map `error.issues` onto the form. */
  | { ok: false; reason: 'fields'; error: ApiError }
  /** A secret link that no longer works (`invalid`: used, expired, unknown) or was cut off (`incomplete`). */
  | { ok: false; reason: 'link'; link: 'invalid' | 'incomplete'; error: ApiError }
  /** Anything else: show `error` above the form. */
  | { ok: false; reason: 'error'; error: ApiError };

/** A body already built: a retry resends it with the same key, so it cannot land twice. */
interface Attempt {
  fingerprint: string;
  key: string;
  body: unknown;
}

/** Times a `too_fast` answer is waited out and resent by itself. */
const FILL_TIME_RETRIES = 3;

/**
 * What an error says about a secret link (a request that carries its token): `invalid` when the
 * link is unknown, used or expired, `incomplete` when the token itself is malformed (cut off or
 * mistyped), else null.
 */
export function linkState(err: unknown): 'invalid' | 'incomplete' | null {
  if (!(err instanceof ApiError)) return null;
  if (err.code === 'link_invalid' || err.status === 404) return 'invalid';
  return err.code === 'validation_failed' && err.issues.some((i) => i.path === 'token') ? 'incomplete' : null;
}

/**
 * The one pipeline of anonymous writes (docs/modules.md, "Public-form kit"):
 * 1. fires the cancelable `ngo-submit` (synchronously: canceled, nothing is sent);
 * 2. builds the body once per content: the proof of work (`ChallengeController`, started when the
 *    person first focuses or types in the form) and the honeypot under `abuse`, and a new
 *    `Idempotency-Key`; a solution is single-use, so it is reset here, the one place, as it goes
 *    into a body;
 * 3. sends it; an answer that may not have reached the server (network error, 409
 *    `idempotency_in_progress`) keeps the body and key for the retry; a `too_fast` answer (the
 *    minimum fill time) is waited out and the same body resent by itself;
 * 4. fires `ngo-submitted` with `{ kind, id, status }`, or `ngo-error` with `{ kind, code }`, and
 *    says what happened: the value, field issues, a dead or cut-off link, or another error.
 * After any answer but those kept for a retry, the next sending builds a new body with a new key
 * and a new solution (whose work starts at once).
 */
export class SubmitController implements ReactiveController {
  busy = false;
  /** The honeypot's value (`honeypot()` renders it). */
  honeypot = '';
  private pow?: ChallengeController;
  private attempt?: Attempt;
  private waiting?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly api: () => string,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.waiting?.abort();
  }

  /** Starts watching for the first focus or input, to solve the proof of work early. Call when an anonymous form shows. */
  prepare(): void {
    this.pow ??= new ChallengeController(this.host, this.api);
  }

  /** Forgets the body kept for a retry (a form opened anew). */
  reset(): void {
    this.attempt = undefined;
  }

  /**
   * Sends `req` and hands the outcome to `show`, which updates the form, before `ngo-submitted` or
   * `ngo-error` fires: a host page reacting to the event sees the form's new state.
   */
  async send<R>(req: SubmitRequest<R>, show: (outcome: SubmitOutcome<R>) => void): Promise<void> {
    if (this.busy) return;
    if (!this.host.dispatchEvent(new NgoSubmitEvent(req.detail))) return show({ ok: false, reason: 'canceled' });
    const anonymous = req.anonymous ?? true;
    const { kind } = req.detail;
    req.onSending?.();
    this.busy = true;
    this.host.requestUpdate();
    let outcome: SubmitOutcome<R>;
    for (let tries = 0; ; tries++) {
      try {
        const attempt = await this.attemptFor(req.path, req.body, anonymous);
        const value = await (req.transport
          ? req.transport(attempt.body, attempt.key)
          : request<R>(this.api(), req.path, { method: req.method ?? 'POST', body: attempt.body, idempotencyKey: anonymous ? attempt.key : undefined }));
        this.attempt = undefined;
        outcome = { ok: true, value };
        break;
      } catch (err) {
        const error = asApiError(err);
        const wait = Number(error.details?.retryAfterMs);
        if (error.code === 'too_fast' && tries < FILL_TIME_RETRIES && wait > 0 && (await this.pause(wait + 100))) continue;
        outcome = this.failed(error, req);
        break;
      }
    }
    this.busy = false;
    this.host.requestUpdate();
    show(outcome);
    if (outcome.ok) this.host.dispatchEvent(new NgoSubmittedEvent({ kind, ...(req.result?.(outcome.value) ?? (outcome.value as { id: string; status: string })) }));
    else if (outcome.reason !== 'canceled') this.host.dispatchEvent(new NgoErrorEvent({ kind, code: outcome.error.code }));
  }

  private async attemptFor(path: string, payload: object, anonymous: boolean): Promise<Attempt> {
    const fingerprint = `${path}\n${JSON.stringify(payload)}`;
    if (this.attempt?.fingerprint === fingerprint) return this.attempt;
    let body: unknown = payload;
    if (anonymous) {
      this.prepare();
      const altcha = await this.pow!.solution();
      this.pow!.reset(); // spent: it is in this body now
      body = { ...payload, [ABUSE_FIELD]: { altcha, [HONEYPOT_FIELD]: this.honeypot } };
    }
    return (this.attempt = { fingerprint, key: newIdempotencyKey(), body });
  }

  /** Waits `ms` unless the widget leaves the page; false when it did. */
  private pause(ms: number): Promise<boolean> {
    const waiting = (this.waiting = new AbortController());
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(true), ms);
      waiting.signal.addEventListener('abort', () => (clearTimeout(timer), resolve(false)));
    });
  }

  private failed<R>(error: ApiError, req: SubmitRequest<R>): SubmitOutcome<R> {
    // Only an answer that may not have reached the server keeps its body and key for the retry;
    // any other released the key, and its solution is spent: solve the next one now.
    if (error.status !== 0 && error.code !== 'idempotency_in_progress') {
      this.attempt = undefined;
      if (req.anonymous ?? true) this.pow?.start();
    }
    const link = req.link ? linkState(error) : null;
    if (link) return { ok: false, reason: 'link', link, error };
    if (error.code === 'validation_failed' && error.issues.length) return { ok: false, reason: 'fields', error };
    return { ok: false, reason: 'error', error };
  }
}
