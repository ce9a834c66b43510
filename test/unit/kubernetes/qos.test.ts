// The pod QoS class (documents/kubernetes.ts podQos) against the rules of
// kubernetes.io/docs/concepts/workloads/pods/pod-qos/, and resource quantities.
import * as assert from 'assert';
import { parseDocument } from 'yaml';
import { parseQuantity, podQos } from '../../../server/src/documents/kubernetes';

function qos(podSpec: string) {
  const doc = parseDocument(podSpec);
  return podQos(doc.contents, doc);
}

describe('podQos', () => {
  it('BestEffort when no container sets cpu or memory', () => {
    assert.deepStrictEqual(qos('containers:\n  - name: a\n    image: x\n'), { qos: 'BestEffort' });
    // Only cpu and memory count; ephemeral-storage alone is still BestEffort.
    assert.deepStrictEqual(qos('containers:\n  - name: a\n    resources:\n      limits:\n        ephemeral-storage: 1Gi\n'), { qos: 'BestEffort' });
  });

  it('Guaranteed when every container has cpu and memory limits equal to requests, written differently', () => {
    const spec = [
      'containers:',
      '  - name: a',
      '    resources:',
      '      requests: { cpu: 500m, memory: 1Gi }',
      '      limits: { cpu: "0.5", memory: 1024Mi }',
      '  - name: b',
      '    resources:',
      '      limits: { cpu: 1, memory: 1e9 }',
    ].join('\n');
    assert.deepStrictEqual(qos(spec), { qos: 'Guaranteed' });
  });

  it('a missing request defaults to the limit; a zero request does not', () => {
    assert.deepStrictEqual(qos('containers:\n  - name: a\n    resources:\n      limits: { cpu: 200m, memory: 64Mi }\n'), { qos: 'Guaranteed' });
    assert.deepStrictEqual(qos('containers:\n  - name: a\n    resources:\n      requests: { cpu: "0" }\n      limits: { cpu: 200m, memory: 64Mi }\n'), {
      qos: 'Burstable',
      container: 'a',
      resource: 'cpu',
      request: '0',
      limit: '200m',
    });
  });

  it('Burstable names the first container that breaks Guaranteed, init containers first', () => {
    const spec = [
      'initContainers:',
      '  - name: init',
      '    resources: { limits: { cpu: 100m } }',
      'containers:',
      '  - name: app',
      '    resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { cpu: 100m, memory: 256Mi } }',
    ].join('\n');
    assert.deepStrictEqual(qos(spec), { qos: 'Burstable', container: 'init', resource: 'memory', request: undefined });
    const app = qos('containers:\n  - name: app\n    resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { cpu: 100m, memory: 256Mi } }\n');
    assert.deepStrictEqual(app, { qos: 'Burstable', container: 'app', resource: 'memory', request: '128Mi', limit: '256Mi' });
  });

  it('reads resources through anchors, aliases and merge keys', () => {
    const spec = [
      'containers:',
      '  - name: a',
      '    resources: &r',
      '      requests: &q { cpu: 250m, memory: 256Mi }',
      '      limits:',
      '        <<: *q',
      '  - name: b',
      '    resources: *r',
    ].join('\n');
    assert.deepStrictEqual(qos(spec), { qos: 'Guaranteed' });
  });

  it('reports a value that is not a quantity', () => {
    assert.deepStrictEqual(qos('containers:\n  - name: a\n    resources: { limits: { memory: 512MB } }\n'), { unreadable: '512MB' });
  });
});

describe('parseQuantity', () => {
  it('reads decimal, binary and exponent suffixes', () => {
    assert.strictEqual(parseQuantity('500m'), 0.5);
    assert.strictEqual(parseQuantity('1Gi'), 2 ** 30);
    assert.strictEqual(parseQuantity('1.5k'), 1500);
    assert.strictEqual(parseQuantity('1e3'), 1000);
    assert.strictEqual(parseQuantity('.5'), 0.5);
    assert.strictEqual(parseQuantity('1GB'), undefined);
    assert.strictEqual(parseQuantity('__________'), undefined);
  });
});
