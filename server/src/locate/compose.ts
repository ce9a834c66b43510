import { OpsDocument } from '../documents/document';
import { Located } from './types';

export function locateCompose(_doc: OpsDocument, _offset: number): Located | undefined {
  return undefined;
}
