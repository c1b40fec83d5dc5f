/** A mistake in a file being imported, at a line and column: the importer writes nothing then. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column = 1,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
