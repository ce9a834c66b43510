// Refactoring actions that are not diagnostics (e.g. extract a long package list to
// `ARG BUILD_PACKAGES=...`). Each provider returns fixes for a selection.
import { OpsDocument } from '../documents/document';
import { Fix } from './types';
import { extractPackageArg } from './dockerfile/_extract-arg';

export type Refactoring = (doc: OpsDocument, start: number, end: number) => Fix[];

const PROVIDERS: Refactoring[] = [extractPackageArg];

export function refactorings(doc: OpsDocument, start: number, end: number): Fix[] {
  const out: Fix[] = [];
  for (const p of PROVIDERS) {
    try {
      out.push(...p(doc, start, end));
    } catch {
      /* a refactoring that fails offers nothing */
    }
  }
  return out;
}
