// Reading one input file for analysis: only regular files (a FIFO would block forever, a device
// never ends), no binary files, strict UTF-8 (a lossy decode would make --fix write mangled
// bytes back). The byte-order mark is taken off for analysis, so columns match an editor's, and
// put back by --fix.
import * as fs from 'fs';
import { Localized } from '../i18n/language';
import { t } from '../i18n/ui';
import { CLI } from './messages';

export interface TextFile {
  text: string;
  bom: boolean;
  /** The bytes as read: --fix writes only if the file still holds them. */
  bytes: Buffer;
}

export type ReadResult = { ok: true; file: TextFile } | { ok: false; reason: Localized; skipped?: boolean };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function localized(text: Localized, args: Record<string, string | number> = {}): Localized {
  return { en: t(text, 'en', args), ru: t(text, 'ru', args) };
}

/** Why a path could not be opened, in words (ENOENT on a path that lstat sees is a broken link). */
export function describeError(p: string, e: NodeJS.ErrnoException): Localized {
  switch (e.code) {
    case 'ENOENT':
      try {
        if (fs.lstatSync(p).isSymbolicLink()) return CLI.brokenLink;
      } catch {
        /* no link either */
      }
      return CLI.notFound;
    case 'ELOOP':
      return CLI.linkLoop;
    case 'EACCES':
    case 'EPERM':
      return CLI.noAccess;
    default:
      return localized(CLI.readError, { error: e.code ?? e.message });
  }
}

function fileType(st: fs.Stats): string {
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'FIFO';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  return 'special file';
}

/** Decode bytes as UTF-8 text, or say why not. */
export function decodeText(bytes: Buffer): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { ok: false, reason: CLI.utf16 };
  if (bytes.includes(0)) return { ok: false, reason: CLI.binary };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, reason: localized(CLI.badUtf8, { offset: firstInvalidUtf8(bytes) }) };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  return { ok: true, file: { text: bom ? text.slice(1) : text, bom, bytes } };
}

export function readTextFile(p: string, maxBytes: number): ReadResult {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch (e) {
    return { ok: false, reason: describeError(p, e as NodeJS.ErrnoException) };
  }
  if (!st.isFile()) return { ok: false, reason: localized(CLI.notRegular, { type: fileType(st) }) };
  if (st.size > maxBytes) {
    // Same limit as the editor's light analysis (issue 9): too large to analyse, not an error.
    return { ok: false, skipped: true, reason: localized(CLI.tooLarge, { limit: `${Math.round(maxBytes / 1024 / 1024)} MB` }) };
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(p);
  } catch (e) {
    return { ok: false, reason: describeError(p, e as NodeJS.ErrnoException) };
  }
  return decodeText(bytes);
}

/** Offset of the first byte that breaks UTF-8 (only called after the strict decoder failed). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n = 0;
    let min = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) (n = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (n = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (n = 3), (min = 0x10000);
    else return i;
    let cp = n === 0 ? c : c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (n && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) return i;
    i += n + 1;
  }
  return b.length;
}
