// 42 keys across the four families -> the note lines (1-based) their hover shows, in order.
// Checked by reading each line in knowledge/notes/slurm-notes.md.
import * as assert from 'assert';
import { loadKnowledge } from '../../../server/src/knowledge/load';

describe('keys lead to the right note lines', () => {
  const { kb } = loadKnowledge({ bundled: true });
  const expected: [string, number[]][] = [
    ['dockerfile.ADD', [22]],
    ['dockerfile.COPY', [22]],
    ['dockerfile.ENTRYPOINT', [24, 23, 26]],
    ['dockerfile.CMD', [25, 23, 26]],
    ['dockerfile.run.apt-get.lists', [9]],
    ['dockerfile.run.apt-get.upgrade', [122]],
    ['dockerfile.run.set-ex', [21, 15]],
    ['dockerfile.run.ln-stdout', [15, 13, 14]],
    ['docker.dockerignore', [7]],
    ['docker.foreground', [5, 41]],
    ['docker.namespace.pid', [41, 5]],
    ['docker.cgroups', [51]],
    ['docker.copy-on-write', [54]],
    ['docker.log-driver.journald', [67]],
    ['dockerd.--insecure-registry', [82]],
    ['dockerfile.practice.dependencies-first', [117, 128, 118]],
    ['dockerfile.practice.arg-packages', [130]],
    ['compose.version', [88]],
    ['compose.service.healthcheck', [90, 96, 88]],
    ['compose.file.override', [98, 99]],
    ['compose.file.test', [100, 101]],
    ['ansible.mitogen', [200, 202, 201]],
    ['ansible.cfg.defaults.strategy', [208, 210, 200]],
    ['ansible.cli.--diff', [186]],
    ['ansible.cli.--force-handlers', [187]],
    ['ansible.handlers', [224, 187, 228]],
    ['ansible.idempotency', [159]],
    ['kubespray.download_run_once', [494, 481, 482]],
    ['k8s.container.livenessProbe', [307, 309, 308]],
    ['k8s.container.readinessProbe', [308, 309, 360]],
    ['k8s.container.startupProbe', [310]],
    ['k8s.probe.successThreshold', [312]],
    ['k8s.DaemonSet', [504, 509, 522]],
    ['k8s.Service.spec.clusterIP=None', [694]],
    ['k8s.CronJob.spec.concurrencyPolicy', [589]],
    ['k8s.Job.spec.backoffLimit', [585]],
    ['k8s.volume.hostPath', [563, 564]],
    ['k8s.Role.rules.apiGroups', [609, 600, 641]],
    ['helm.hook=test', [750, 751]],
    ['helm.tiller', [726]],
    ['k8s.Deployment.spec.strategy.rollingUpdate.maxSurge', [300]],
    ['k8s.StatefulSet.spec.volumeClaimTemplates', [550, 560]],
  ];
  for (const [key, lines] of expected) {
    it(`${key} -> ${lines.join(', ')}`, () => {
      assert.ok(kb.entry(key), `${key} is in the vocabulary`);
      assert.deepStrictEqual(
        kb.entriesFor([key], 3).map((r) => r.block.startLine + 1),
        lines,
      );
    });
  }

  it('a more specific key comes first, its parent after (value -> field -> kind)', () => {
    const r = kb.entriesFor(['k8s.Service.spec.clusterIP=None', 'k8s.Service.spec.clusterIP', 'k8s.Service'], 3);
    assert.strictEqual(r[0].key, 'k8s.Service.spec.clusterIP=None');
    assert.strictEqual(r[0].block.startLine + 1, 694);
  });

  it('instruction names match only in instruction sense (ADD, not the word "add")', () => {
    const lines = kb.blocksFor('dockerfile.ADD').map((b) => b.startLine + 1);
    assert.deepStrictEqual(lines, [22]);
  });
});
