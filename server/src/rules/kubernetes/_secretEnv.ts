// Which environment variables hold secrets, and the Secret the env fix adds to the file.
// Names are split into words (DB_PASSWORD -> DB PASSWORD, dbPassword -> DB PASSWORD); the
// secret word must end the name, so PASSWORD_FILE, TOKEN_URL or SECRET_NAME (which point at a
// secret) are not taken for secrets.
import { Node } from 'yaml';
import { OpsDocument } from '../../documents/document';
import { getNode, isMap, scalarString, stringAt } from '../../documents/yaml';
import { K8sObject, targetsOf } from '../targets';
import { templated } from './_template';
import { Edit, entriesOf, insertEntries, pairOf, Raw, range, scalarText } from './_yamlEdit';

const LAST_WORDS = new Set(['PASSWORD', 'PASSWD', 'PASSPHRASE', 'SECRET', 'TOKEN', 'APIKEY', 'CREDENTIALS', 'CREDENTIAL', 'CREDS', 'PRIVATEKEY', 'SECRETKEY', 'ACCESSKEY']);
// Too short to mean a secret alone (PWD is the shell's working directory): only as DB_PASS.
const SUFFIX_ONLY = new Set(['PASS', 'PWD']);
const KEY_QUALIFIERS = new Set(['API', 'PRIVATE', 'ACCESS', 'SECRET', 'ENCRYPTION', 'SIGNING', 'MASTER', 'AUTH', 'SSH', 'LICENSE']);

export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_.\-]+/)
    .filter(Boolean)
    .map((w) => w.toUpperCase());
}

export function isSecretName(name: string): boolean {
  const w = nameWords(name);
  const last = w[w.length - 1];
  if (!last) return false;
  if (LAST_WORDS.has(last)) return true;
  if (SUFFIX_ONLY.has(last)) return w.length >= 2;
  // Rails' SECRET_KEY_BASE is the one common secret whose last word is not a secret word.
  if (last === 'BASE') return w.length >= 3 && w[w.length - 2] === 'KEY' && w[w.length - 3] === 'SECRET';
  return last === 'KEY' && w.length >= 2 && KEY_QUALIFIERS.has(w[w.length - 2]);
}

// scheme://user:password@host (redis://:password@host too), the password not an env
// reference like $(DB_PASSWORD).
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:([^\s@/]+)@/i;

export type SecretKind = 'name' | 'url';

/** Why a literal value is a secret, or undefined. */
export function secretLiteral(name: string, value: string): SecretKind | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const url = URL_WITH_PASSWORD.exec(v);
  if (url) return url[1].includes('$(') || url[1].includes('${') ? undefined : 'url';
  if (!isSecretName(name)) return undefined;
  // Not literals: references to other variables, paths to mounted files, switches.
  if (/^\$\(\w+\)$|^\$\{\w+\}$/.test(v) || v.startsWith('/') || v.startsWith('./') || /^(?:true|false|yes|no|on|off)$/i.test(v)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return undefined;
  return 'name';
}

/** `DB_PASSWORD` -> `db-password`, `stripeApiKey` -> `stripe-api-key` (a Secret key: [-._a-zA-Z0-9]+). */
export function secretKeyFor(envName: string): string {
  return nameWords(envName)
    .map((w) => w.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean)
    .join('-');
}

/** `<workload>-secret`; a templated workload name keeps its template (`{{ include ... }}-secret`). */
export function secretNameFor(doc: OpsDocument, obj: K8sObject): { value: string | Raw; text: string } {
  const node = getNode(getNode(obj.root, 'metadata'), 'name');
  if (node && templated(doc, node)) {
    const r = range(node)!;
    const src = doc.text.slice(r[0], r[1]);
    const quote = src[0] === '"' || src[0] === "'" ? src[0] : '';
    const text = quote && src.endsWith(quote) ? `${src.slice(0, -1)}-secret${quote}` : `${src}-secret`;
    return { value: new Raw(text), text };
  }
  const base = (node && scalarString(node)) || 'app';
  const name = `${base}-secret`;
  return { value: name, text: scalarText(name) };
}

/** Edits that put `key: value` into a Secret named `name` in the file (existing or appended). */
export function addToSecret(doc: OpsDocument, obj: K8sObject, name: string | Raw, key: string, value: string): Edit[] {
  const nameText = name instanceof Raw ? name.text : name;
  const existing = targetsOf(doc).k8sObjects.find((o) => o.kind === 'Secret' && secretName(doc, o) === nameText);
  if (existing) {
    const stringData = getNode(existing.root, 'stringData');
    if (isMap(stringData)) {
      if (pairOf(stringData, key)) return [];
      return [insertEntries(doc, stringData, entriesOf([key, value]))];
    }
    return [insertEntries(doc, existing.root, entriesOf(['stringData', entriesOf([key, value])]))];
  }
  const eol = doc.lines.eol;
  const ns = stringAt(getNode(obj.root, 'metadata'), 'namespace');
  const lines = [
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    `  name: ${name instanceof Raw ? name.text : scalarText(name)}`,
    ...(ns && !templated(doc, getNode(getNode(obj.root, 'metadata'), 'namespace')) ? [`  namespace: ${scalarText(ns)}`] : []),
    'type: Opaque',
    'stringData:',
    `  ${scalarText(key)}: ${JSON.stringify(value)}`,
  ];
  // The file keeps its final newline, or its lack of one.
  const end = doc.text.length;
  const finalNewline = end === 0 || doc.text.endsWith('\n');
  return [{ start: end, end, text: (finalNewline ? '' : eol) + lines.join(eol) + (finalNewline && end > 0 ? eol : '') }];
}

function secretName(doc: OpsDocument, o: K8sObject): string | undefined {
  const node = getNode(getNode(o.root, 'metadata'), 'name') as Node | undefined;
  const r = range(node);
  if (!r) return undefined;
  return templated(doc, node) ? doc.text.slice(r[0], r[1]) : scalarString(node);
}

