// One read shared by every caller waiting at the same time, never a read older than the
// call: a caller joins only a read that has not been sent yet. While one read is in flight,
// new callers wait together for the next, which is sent as soon as the running one ends. Under
// load this costs at most one query per round trip however many requests arrive, and each
// caller still sees every write that committed before it called (the read's snapshot is
// taken after the call). Used for the content version on PostgreSQL (dialects/postgres.ts).

interface Waiting<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export class CoalescedRead<T> {
  private isRunning = false;
  private next: Waiting<T> | undefined;
  /** Reads sent so far (each a query), for tests and diagnostics. */
  sent = 0;

  constructor(private readonly query: () => Promise<T>) {}

  read(): Promise<T> {
    if (this.next) return this.next.promise;
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<T>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    this.next = { promise, resolve, reject };
    // Sent after the current synchronous work, so callers of the same tick share it.
    if (!this.isRunning) queueMicrotask(() => this.sendNext());
    return promise;
  }

  private sendNext(): void {
    const waiting = this.next;
    if (!waiting || this.isRunning) return;
    this.next = undefined;
    this.isRunning = true;
    this.sent++;
    const settle = () => {
      this.isRunning = false;
      this.sendNext();
    };
    this.query().then(
      (value) => {
        waiting.resolve(value);
        settle();
      },
      (error: unknown) => {
        waiting.reject(error);
        settle();
      },
    );
  }
}
