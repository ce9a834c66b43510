// Which parts of a Helm template the rules may not trust: a map that a printing template line
// may fill (so "key missing" is unknown), and a value that is a template.
import * as assert from 'assert';
import { Node } from 'yaml';
import { OpsDocument } from '../../../server/src/documents/document';
import { getIn } from '../../../server/src/documents/yaml';
import { mayInject, templated } from '../../../server/src/rules/kubernetes/_template';

function chartDoc(text: string): OpsDocument {
  return new OpsDocument({ uri: 'file:///c/templates/d.yaml', path: '/c/templates/d.yaml', text, exists: (p) => p === '/c/Chart.yaml' });
}

const CONTAINER = ['spec:', '  containers:', '    - name: app', '      image: "{{ .Values.image }}"', '      ports:', '        - containerPort: 8080'];

function container(d: OpsDocument): Node {
  return getIn(d.yaml.documents[0].doc.contents, ['spec', 'containers', 0])!;
}

describe('kubernetes rules: Helm templates', () => {
  it('an inline value template does not make the map unknown', () => {
    assert.strictEqual(mayInject(chartDoc(CONTAINER.join('\n') + '\n'), container(chartDoc(CONTAINER.join('\n') + '\n'))), false);
  });

  it('a printing line at the map column (nindent or plain) may add keys', () => {
    for (const line of ['      {{- include "app.probes" . | nindent 6 }}', '{{ include "app.probes" . | indent 6 }}', '      {{- toYaml .Values.extra }}']) {
      const d = chartDoc([...CONTAINER, line, '---'].join('\n'));
      assert.strictEqual(mayInject(d, container(d)), true, line);
    }
  });

  it('control flow and deeper output do not', () => {
    for (const line of ['      {{- if .Values.probes }}', '      {{- end }}', '      {{- $x := 1 }}', '      {{/* comment */}}', '          {{- toYaml .Values.resources | nindent 10 }}']) {
      const d = chartDoc([...CONTAINER, line, '---'].join('\n'));
      assert.strictEqual(mayInject(d, container(d)), false, line);
    }
  });

  it('plain manifests never inject', () => {
    const d = new OpsDocument({ uri: 'file:///k/d.yaml', path: '/k/d.yaml', text: CONTAINER.join('\n') + '\n' });
    assert.strictEqual(mayInject(d, container(d)), false);
  });

  it('a value holding a template is unknown', () => {
    const d = chartDoc(CONTAINER.join('\n') + '\n');
    assert.strictEqual(templated(d, getIn(container(d), ['image'])), true);
    assert.strictEqual(templated(d, getIn(container(d), ['name'])), false);
  });
});
