/**
 * The one error the reader throws on purpose: nothing usable could be read from the input
 * (missing path, not a bundle, corrupt from its first byte, an empty archive). Everything less
 * severe becomes a diagnostic and the read goes on. The message is one line naming the input,
 * because the CLI prints it as is and exits 3.
 */
export class UnreadableInputError extends Error {
  override name = 'UnreadableInputError';
}
