// Dockerfile locator: instruction keywords, flags, and each command inside RUN.
import { OpsDocument } from '../documents/document';
import { Located } from './types';

export function locateDockerfile(doc: OpsDocument, offset: number): Located | undefined {
  const model = doc.dockerfile;
  for (const ins of model.instructions) {
    if (offset < ins.start || offset > ins.end) continue;
    if (offset >= ins.keywordStart && offset <= ins.keywordEnd) {
      return { keys: [`dockerfile.${ins.keyword}`, 'dockerfile'], start: ins.keywordStart, end: ins.keywordEnd };
    }
    return undefined;
  }
  return undefined;
}
