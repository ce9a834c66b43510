import { Localized } from '../i18n/language';
import { OpsDocument } from '../documents/document';

/** What the cursor is on: candidate keys, most specific first, and the token's offsets. */
export interface Located {
  /** value -> field -> parent -> kind -> family (DESIGN.md "Keys"). */
  keys: string[];
  /** Offsets of the token under the cursor (the hover range). */
  start: number;
  end: number;
  /** Facts computed from the document, shown in the hover (e.g. the pod's QoS class). */
  facts?: Localized[];
}

/** A family's locator: offset -> Located, or undefined when nothing the notes cover is there. */
export type Locator = (doc: OpsDocument, offset: number) => Located | undefined;
