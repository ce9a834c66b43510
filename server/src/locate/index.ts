// locate: cursor position -> ordered candidate keys (most specific first). One locator per
// family; the document kind picks it. Generic YAML gets nothing.
import { OpsDocument } from '../documents/document';
import { Located, Locator } from './types';
import { locateDockerfile } from './dockerfile';
import { locateCompose } from './compose';
import { locateAnsible, locateAnsibleCfg, locateInventory } from './ansible';
import { locateKubernetes } from './kubernetes';

const LOCATORS: Partial<Record<OpsDocument['kind'], Locator>> = {
  dockerfile: locateDockerfile,
  compose: locateCompose,
  'ansible-playbook': locateAnsible,
  'ansible-tasks': locateAnsible,
  'ansible-handlers': locateAnsible,
  'ansible-vars': locateAnsible,
  'ansible-cfg': locateAnsibleCfg,
  'ansible-inventory': locateInventory,
  kubernetes: locateKubernetes,
  'helm-template': locateKubernetes,
  'helm-chart': locateKubernetes,
  'helm-values': locateKubernetes,
};

export function candidateKeys(doc: OpsDocument, offset: number): Located | undefined {
  const locator = LOCATORS[doc.kind];
  if (!locator) return undefined;
  const located = locator(doc, offset);
  if (!located || located.keys.length === 0) return undefined;
  return located;
}

export type { Located };
