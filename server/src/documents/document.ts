// OpsDocument: one version of one file, classified once and parsed lazily once
// (compose-language-service ComposeDocument.ts with its `Lazy` fields). Requests never re-parse.
import * as path from 'path';
import { LineIndex, Range } from '../util/text';
import { classifyYamlFile, Classification, FileFacts, kindByName } from './classify';
import { DockerfileModel, parseDockerfile } from './dockerfile';
import { hasTemplates, neutraliseTemplates } from './helm';
import { IniModel, isInventory, parseIni, parseInventory } from './ini';
import { Family, familyOf, FileKind, YamlDocKind } from './kinds';
import { parseYaml, YamlDocument, YamlFile } from './yaml';

export interface DocumentInput {
  uri: string;
  /** File-system path (derived from a file: URI when omitted). */
  path?: string;
  languageId?: string;
  version?: number;
  text: string;
  /** Existence probe for files beside this one (Chart.yaml); defaults to "unknown = no". */
  exists?: (p: string) => boolean;
  /** The previous version of the same document: unchanged YAML documents are reused. */
  previous?: OpsDocument;
}

export function uriToPath(uri: string): string {
  if (uri.startsWith('file://')) {
    try {
      return decodeURIComponent(new URL(uri).pathname);
    } catch {
      return uri.slice(7);
    }
  }
  const colon = uri.indexOf(':');
  return colon > 1 ? uri.slice(colon + 1) : uri;
}

export function pathToUri(p: string): string {
  const abs = path.resolve(p);
  return 'file://' + abs.split('/').map((s) => encodeURIComponent(s)).join('/');
}

export class OpsDocument {
  readonly uri: string;
  readonly path: string;
  readonly languageId: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  private readonly facts: FileFacts;
  private _classification?: Classification;
  private _yaml?: YamlFile;
  private _yamlText?: string;
  private _dockerfile?: DockerfileModel;
  private _ini?: IniModel;
  private previous?: OpsDocument;

  constructor(input: DocumentInput) {
    this.uri = input.uri;
    this.path = input.path ?? uriToPath(input.uri);
    this.languageId = input.languageId ?? '';
    this.version = input.version ?? 0;
    // A byte-order mark is not part of the text the parsers see; offsets stay the same
    // because it is replaced, not removed, in the parsers' copies.
    this.text = input.text;
    this.lines = new LineIndex(this.text);
    this.facts = { path: this.path, languageId: this.languageId, exists: input.exists };
    this.previous = input.previous;
  }

  get classification(): Classification {
    if (!this._classification) {
      const byName = kindByName(this.facts);
      if (byName === 'yaml') this._classification = classifyYamlFile(this.yaml, this.facts);
      // Content wins over names: a `hosts` file that is an /etc/hosts copy is not an inventory.
      else if (byName === 'ansible-inventory' && !isInventory(parseInventory(this.lines))) this._classification = { kind: 'generic', documentKinds: [] };
      else this._classification = { kind: byName ?? 'generic', documentKinds: [] };
    }
    return this._classification;
  }

  get kind(): FileKind {
    return this.classification.kind;
  }

  get family(): Family {
    return familyOf(this.kind);
  }

  /** The text the YAML parser reads: templates blanked, same length (helm.ts). */
  get yamlText(): string {
    if (this._yamlText === undefined) {
      const t = this.text.charCodeAt(0) === 0xfeff ? ' ' + this.text.slice(1) : this.text;
      this._yamlText = hasTemplates(t) ? neutraliseTemplates(t) : t;
    }
    return this._yamlText;
  }

  get yaml(): YamlFile {
    if (!this._yaml) {
      // Take over the previous version's unchanged documents; that version is dead afterwards.
      const previous = this.previous?._yaml;
      if (previous) this.previous!._yaml = undefined;
      this.previous = undefined;
      this._yaml = parseYaml(this.yamlText, previous);
    }
    return this._yaml;
  }

  /** YAML documents with their kinds. */
  yamlDocuments(kind?: YamlDocKind): { document: YamlDocument; kind: YamlDocKind }[] {
    const kinds = this.classification.documentKinds;
    const out: { document: YamlDocument; kind: YamlDocKind }[] = [];
    this.yaml.documents.forEach((document, i) => {
      const k = kinds[i] ?? 'generic';
      if (!kind || k === kind) out.push({ document, kind: k });
    });
    return out;
  }

  /** The YAML document holding an offset. */
  yamlDocumentAt(offset: number): { document: YamlDocument; kind: YamlDocKind } | undefined {
    const docs = this.yamlDocuments();
    for (const d of docs) if (d.document.start <= offset && offset <= d.document.end) return d;
    return undefined;
  }

  get dockerfile(): DockerfileModel {
    if (!this._dockerfile) {
      const t = this.text.charCodeAt(0) === 0xfeff ? ' ' + this.text.slice(1) : this.text;
      this._dockerfile = parseDockerfile(t, this.lines);
    }
    return this._dockerfile;
  }

  get ini(): IniModel {
    if (!this._ini) this._ini = parseIni(this.lines);
    return this._ini;
  }

  rangeOf(start: number, end: number): Range {
    return this.lines.rangeOf(start, end);
  }

  offsetAt(p: { line: number; character: number }): number {
    return this.lines.offsetAt(p);
  }

  /** The offset of a position, or undefined when the position is outside the text. */
  offsetIfInside(p: { line: number; character: number }): number | undefined {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0 || p.line >= this.lines.lineCount) return undefined;
    return this.lines.offsetAt(p);
  }

  /** Whether the original text between offsets contains template syntax. */
  isTemplated(start: number, end: number): boolean {
    const s = this.text.slice(start, end);
    return s.includes('{{') || s.includes('{%');
  }
}
