/** Input the scoring pipeline cannot use: the message says what is wrong and how to fix it. */
export class DataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataError';
  }
}
