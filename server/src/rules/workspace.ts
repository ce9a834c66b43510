// What cross-document rules see of the rest of the workspace: the other documents (open ones
// and the workspace's files the host indexed), classified and parsed like the current one.
import { OpsDocument } from '../documents/document';

export interface WorkspaceView {
  /** Other documents, never including the one being analysed. */
  documents(): Iterable<OpsDocument>;
}

export const EMPTY_WORKSPACE: WorkspaceView = {
  documents: () => [],
};
