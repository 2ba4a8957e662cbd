/** A mistake in the command line itself (unknown option, missing argument). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
