// Document kinds. A file has one kind; a YAML file also classifies each of its documents
// (a multi-document manifest mixes Kubernetes kinds; a Helm template holds manifests).

export type Family = 'dockerfile' | 'compose' | 'ansible' | 'kubernetes' | 'helm' | 'generic';

export type FileKind =
  | 'dockerfile'
  | 'compose'
  | 'ansible-playbook'
  | 'ansible-tasks'
  | 'ansible-handlers'
  | 'ansible-vars'
  | 'ansible-cfg'
  | 'ansible-inventory'
  | 'kubernetes'
  | 'helm-template'
  | 'helm-chart'
  | 'helm-values'
  | 'generic';

/** What one YAML document is. */
export type YamlDocKind = 'kubernetes' | 'compose' | 'ansible-playbook' | 'ansible-tasks' | 'ansible-handlers' | 'ansible-vars' | 'helm-chart' | 'helm-values' | 'generic';

export function familyOf(kind: FileKind): Family {
  switch (kind) {
    case 'dockerfile':
      return 'dockerfile';
    case 'compose':
      return 'compose';
    case 'kubernetes':
      return 'kubernetes';
    case 'helm-template':
    case 'helm-chart':
    case 'helm-values':
      return 'helm';
    case 'generic':
      return 'generic';
    default:
      return 'ansible';
  }
}
