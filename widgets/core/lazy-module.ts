/**
 * A part of a widget in a chunk of its own, loaded when first needed: `load()` starts the import
 * once (again after a failure), and the host renders again when it arrives or fails. Until then
 * `value` is undefined; after a failure `error` holds why, for a Retry that calls `load()`.
 *
 * A render hook (`willUpdate`) calls `need()`, which does not import again after a failure: the
 * failure renders the host again, and `load()` there would fail, render and import in a loop.
 */
export class LazyModule<M> {
  value?: M;
  error?: unknown;
  private loading?: Promise<M | undefined>;

  constructor(
    private readonly host: { requestUpdate(): void },
    private readonly importer: () => Promise<M>,
    /** What it is, for the console: `<ngo-guide>: the article view`. */
    private readonly what: string,
  ) {}

  /** Starts the import unless it is under way, done, or failed (then only a Retry's `load()` tries again). */
  need(): void {
    if (this.error === undefined) void this.load();
  }

  /** Starts the import unless it is under way or done; after a failure, tries again. Resolves to the module, or undefined if it failed. */
  load(): Promise<M | undefined> {
    // A retry shows "loading" again, not the last failure.
    if (!this.loading && this.error !== undefined) {
      this.error = undefined;
      this.host.requestUpdate();
    }
    this.loading ??= this.importer().then(
      (m) => {
        this.value = m;
        this.error = undefined;
        this.host.requestUpdate();
        return m;
      },
      (err: unknown) => {
        console.warn(`[ngo] ${this.what} could not be loaded:`, err);
        this.error = err;
        this.loading = undefined;
        this.host.requestUpdate();
        return undefined;
      },
    );
    return this.loading;
  }
}
