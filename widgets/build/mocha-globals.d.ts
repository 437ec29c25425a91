// The few mocha globals the widget tests use (web-test-runner runs mocha; @types/mocha is not installed).
// If @types/mocha is ever added, delete this file.
type NgoTestFn = (this: { timeout(ms: number): void }) => void | Promise<unknown>;
declare function describe(title: string, fn: () => void): void;
declare function it(title: string, fn: NgoTestFn): void;
declare function before(fn: NgoTestFn): void;
declare function after(fn: NgoTestFn): void;
declare function beforeEach(fn: NgoTestFn): void;
declare function afterEach(fn: NgoTestFn): void;
