/**
 * Writes tar archives member by member with node-tar's Header and Pax encoders, so a test can
 * make exactly the archive an attacker would: '../' and absolute names, symlinks, hardlinks,
 * device nodes, duplicates, a missing end marker. node-tar's Pack refuses most of these.
 */
import { Header, Pax, type HeaderData } from 'tar';

export const BLOCK_BYTES = 512;

export interface TarMember {
  path: string;
  body?: Buffer;
  /** node-tar's type names: File, Directory, SymbolicLink, Link, CharacterDevice, BlockDevice, FIFO. */
  type?: NonNullable<HeaderData['type']>;
  linkpath?: string;
}

const MTIME = new Date('2026-03-10T02:00:00Z');

/** One member: its header (with a pax header first when the name needs one) and its padded body. */
export function memberBytes(member: TarMember): Buffer {
  const body = member.body ?? Buffer.alloc(0);
  const parts = [headerBytes(member, body.length)];
  if (isFile(member) && body.length > 0) parts.push(body, Buffer.alloc(padding(body.length)));
  return Buffer.concat(parts);
}

/** The header block(s) of a member whose body of `size` bytes follows separately. */
export function headerBytes(member: Omit<TarMember, 'body'>, size: number): Buffer {
  const data: HeaderData = {
    path: member.path,
    type: member.type ?? 'File',
    mode: member.type === 'Directory' ? 0o755 : 0o644,
    size: isFile(member) ? size : 0,
    mtime: MTIME,
    uid: 0,
    gid: 0,
    ...(member.linkpath !== undefined ? { linkpath: member.linkpath } : {}),
    ...(member.type === 'CharacterDevice' || member.type === 'BlockDevice' ? { devmaj: 1, devmin: 3 } : {}),
  };
  const header = new Header(data);
  const block = Buffer.alloc(BLOCK_BYTES);
  header.encode(block, 0);
  return header.needPax ? Buffer.concat([new Pax(data).encode(), block]) : block;
}

const isFile = (member: Omit<TarMember, 'body'>) => member.type === undefined || member.type === 'File';

function padding(bytes: number): number {
  return (BLOCK_BYTES - (bytes % BLOCK_BYTES)) % BLOCK_BYTES;
}

/** Tar's end-of-archive marker: two zero blocks. */
export const END_OF_ARCHIVE = Buffer.alloc(2 * BLOCK_BYTES);

export function tarBytes(members: TarMember[], { endMarker = true } = {}): Buffer {
  return Buffer.concat([...members.map(memberBytes), ...(endMarker ? [END_OF_ARCHIVE] : [])]);
}
