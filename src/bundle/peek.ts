/** Looks at the first bytes of a chunk stream without losing them. */
export interface Peeked {
  head: Buffer;
  /** The whole stream again, head included. */
  chunks: AsyncIterable<Buffer>;
  /** Releases the source (its file) when `chunks` was not read to the end. */
  close(): Promise<void>;
}

/** Reads until `bytes` bytes (or the end) are buffered. An error before the first byte propagates. */
export async function peek(source: AsyncIterable<Buffer>, bytes: number): Promise<Peeked> {
  const iterator = source[Symbol.asyncIterator]();
  const buffered: Buffer[] = [];
  let length = 0;
  let done = false;
  /** A failure after some bytes arrived belongs to the consumer, after those bytes. */
  let failure: unknown = null;
  while (length < bytes) {
    let next: IteratorResult<Buffer>;
    try {
      next = await iterator.next();
    } catch (err) {
      if (length === 0) throw err;
      failure = err;
      done = true;
      break;
    }
    if (next.done) {
      done = true;
      break;
    }
    buffered.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(buffered, length);
  async function* chunks(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (failure !== null) throw failure;
    if (done) return;
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      await iterator.return?.();
    }
  }
  const close = async () => {
    await iterator.return?.();
  };
  return { head: head.subarray(0, bytes), chunks: chunks(), close };
}
