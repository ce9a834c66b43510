// --fix: apply the safe fixes (the same set as the editor's "Fix all", safeFixEdits) pass after
// pass until nothing changes, then write the file once, atomically (issue 9 item 4): a temp
// file in the same folder, the original's mode (and owner when allowed), fsync, rename over the
// real file. A symbolic link is written through only when its target is inside the paths given
// on the command line; a file that changed on disk meanwhile is left alone; any failure leaves
// the original as it was. Line endings, BOM and final newline are kept: fixes edit ranges only,
// and the BOM taken off for analysis (read.ts) is put back.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { OpsDocument, pathToUri } from '../documents/document';
import { Localized } from '../i18n/language';
import { t } from '../i18n/ui';
import { Finding } from '../rules/engine';
import { safeFixEdits } from '../rules/fixes';
import { Session } from '../session';
import { applyEdits } from '../util/text';
import { CLI } from './messages';
import { TextFile } from './read';

export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  text: string;
  /** Findings fixed over all passes. */
  applied: number;
  /** The document and findings of the final text. */
  doc: OpsDocument;
  findings: Finding[];
  /** A pass that was discarded (it would have broken the file). */
  problem?: Localized;
}

export function makeDocument(session: Session, file: string, text: string): OpsDocument {
  return new OpsDocument({ uri: pathToUri(file), path: file, text, exists: session.exists });
}

/** Whether a fixed text still reads as the same kind of file, with no new YAML syntax errors. */
function stillValid(before: OpsDocument, after: OpsDocument): boolean {
  if (after.kind !== before.kind) return false;
  if (before.family === 'dockerfile' || before.kind === 'ansible-cfg' || before.kind === 'ansible-inventory') return true;
  return after.yaml.errors.length <= before.yaml.errors.length && after.yaml.documents.length === before.yaml.documents.length;
}

export function fixText(session: Session, file: string, text: string, first?: { doc: OpsDocument; findings: Finding[] }): FixOutcome {
  let doc = first?.doc ?? makeDocument(session, file, text);
  let findings = first?.findings ?? session.diagnose(doc);
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { edits, applied: fixed } = safeFixEdits(findings);
    if (!edits.length) break;
    let next: string;
    try {
      next = applyEdits(doc.text, edits);
    } catch {
      break; // overlapping edits inside one fix: leave the rest for the person
    }
    if (next === doc.text) break;
    const nextDoc = makeDocument(session, file, next);
    if (!stillValid(doc, nextDoc)) {
      const rules = [...new Set(fixed.map((f) => f.ruleId))].join(', ');
      const args = { rule: rules, kind: doc.kind };
      return { text: doc.text, applied, doc, findings, problem: { en: t(CLI.fixBroke, 'en', args), ru: t(CLI.fixBroke, 'ru', args) } };
    }
    applied += fixed.length;
    doc = nextDoc;
    findings = session.diagnose(doc);
  }
  return { text: doc.text, applied, doc, findings };
}

function isInside(p: string, root: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel));
}

function localized(text: Localized, args: Record<string, string>): Localized {
  return { en: t(text, 'en', args), ru: t(text, 'ru', args) };
}

/**
 * Write the fixed text over `file`. `roots` are the real paths of the folders given on the
 * command line (and the folders of the files given). Returns a problem, or undefined when written.
 */
export function writeFixed(file: string, original: TextFile, text: string, roots: readonly string[]): Localized | undefined {
  let real: string;
  try {
    real = fs.realpathSync.native(file);
  } catch (e) {
    return localized(CLI.fixWriteError, { error: (e as NodeJS.ErrnoException).code ?? String(e) });
  }
  if (!roots.some((r) => isInside(real, r))) return localized(CLI.fixOutsideRoots, { target: real });
  const bytes = Buffer.from((original.bom ? '\uFEFF' : '') + text, 'utf8');
  const dir = path.dirname(real);
  // The name is capped so a long file name cannot push the temp name over NAME_MAX.
  const tmp = path.join(dir, `.${path.basename(real).slice(0, 100)}.opsnotes-${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    const st = fs.statSync(real);
    if (!fs.readFileSync(real).equals(original.bytes)) return CLI.fixChanged;
    const mode = st.mode & 0o7777;
    // 'wx': the temp name must not exist (never follow a planted link).
    fd = fs.openSync(tmp, 'wx', mode);
    // writeSync may write part of the buffer (a file size limit, a full disk): loop until all
    // bytes are written or it throws, and check the size, before the rename replaces anything.
    for (let done = 0; done < bytes.length; ) {
      const n = fs.writeSync(fd, bytes, done, bytes.length - done, done);
      if (n <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
      done += n;
    }
    if (fs.fstatSync(fd).size !== bytes.length) throw Object.assign(new Error('short write'), { code: 'EIO' });
    fs.fchmodSync(fd, mode); // the umask narrowed the mode given to open
    try {
      fs.fchownSync(fd, st.uid, st.gid);
    } catch {
      /* only root may give a file away; the owner is then the person running --fix */
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, real);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already closed */
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* never created */
    }
    return localized(CLI.fixWriteError, { error: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  try {
    // Make the rename itself durable; not possible on every file system, never fatal.
    const dfd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(dfd);
    } finally {
      fs.closeSync(dfd);
    }
  } catch {
    /* best effort */
  }
  return undefined;
}
