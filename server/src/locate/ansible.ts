import { OpsDocument } from '../documents/document';
import { Located } from './types';

export function locateAnsible(_doc: OpsDocument, _offset: number): Located | undefined {
  return undefined;
}

export function locateAnsibleCfg(_doc: OpsDocument, _offset: number): Located | undefined {
  return undefined;
}

export function locateInventory(_doc: OpsDocument, _offset: number): Located | undefined {
  return undefined;
}
