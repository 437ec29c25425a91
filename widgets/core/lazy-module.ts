/**
 * A part of a widget in a chunk of its own, loaded when first needed: `load()` starts the import
 * once (again after a failure), and the host renders again when it arrives or fails. Until then
 * `value` is undefined; after a failure `error` holds why, for a Retry that calls `load()`.
 */
export class LazyModule<M> {
  value?: M;
  error?: unknown;
  private loading?: Promise<void>;

  constructor(
    private readonly host: { requestUpdate(): void },
    private readonly importer: () => Promise<M>,
    /** What it is, for the console: `<ngo-guide>: the article view`. */
    private readonly what: string,
  ) {}

  load(): void {
    this.loading ??= this.importer().then(
      (m) => {
        this.value = m;
        this.error = undefined;
        this.host.requestUpdate();
      },
      (err: unknown) => {
        console.warn(`[ngo] ${this.what} could not be loaded:`, err);
        this.error = err;
        this.loading = undefined;
        this.host.requestUpdate();
      },
    );
  }
}
