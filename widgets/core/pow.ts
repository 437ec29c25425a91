import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Starts solving when a person begins to fill in the form (first `focusin` or `input` in the
 * widget), so the answer is usually ready by the time they submit. The solver (pow.solver.ts) is
 * imported then, not with the widget.
 * ```ts
 * private pow = new ChallengeController(this, () => this.api);
 * // on submit:
 * const altcha = await this.pow.solution();  // then send { abuse: { altcha, website } }
 * this.pow.reset();                           // a solution is single-use
 * ```
 * With `{ auto: false }` nothing starts on input: only `solution()` starts the work (the staff
 * sign-in asks for a proof only after failed attempts).
 */
export class ChallengeController implements ReactiveController {
  private pending?: Promise<string>;
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly apiBase: () => string,
    private readonly options: { auto?: boolean } = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.options.auto === false) return;
    this.host.addEventListener('focusin', this.start);
    this.host.addEventListener('input', this.start);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('focusin', this.start);
    this.host.removeEventListener('input', this.start);
    this.reset();
  }

  /** Begins solving unless already under way. */
  readonly start = (): void => {
    if (this.pending) return;
    const abort = (this.abort = new AbortController());
    const base = this.apiBase();
    const p = import('./pow.solver.js').then((m) => m.solveChallenge(base, abort.signal));
    this.pending = p;
    // A failure is reported on submit; a later submit fetches a new challenge.
    p.catch(() => {
      if (this.pending === p) this.pending = undefined;
    });
  };

  /** The solution, starting the work if needed. */
  solution(): Promise<string> {
    this.start();
    return this.pending!;
  }

  /** Forgets the current solution (it is single-use) and stops any work in progress. */
  reset(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.pending = undefined;
  }
}
