// What it does: flags a manifest under a chart's templates/tests/ without a helm.sh/hook
//   annotation.
// Why: the notes (slurm-notes.md:742-748): chart tests are manifests in templates/tests/ that
//   carry the annotation helm.sh/hook: test, run by `helm test`. Without the annotation the
//   test pod is an ordinary part of the release: it runs once at install time and `helm test`
//   finds nothing to run.
// Example: templates/tests/test-connection.yaml with a Pod and no annotations.
// Fix safety: safe: adds `helm.sh/hook: test` (to metadata.annotations, created if absent).
import { Node, YAMLMap } from 'yaml';
import { getNode, getPair, isMap } from '../../documents/yaml';
import { defineRule } from '../types';
import { kindSpan } from '../kubernetes/_k8s';
import { mayInject } from '../kubernetes/_template';
import { entriesOf, insertEntries, isEmptyValue, toTextEdits } from '../kubernetes/_yamlEdit';
import { HOOK } from './_hooks';

export default defineRule({
  id: 'helm-test-hook-missing',
  family: 'helm',
  severity: 'warning',
  key: 'helm.hook=test',
  docs: 'https://helm.sh/docs/topics/chart_tests/',
  fixSafety: 'safe',
  description: {
    en: 'A manifest in templates/tests/ without the helm.sh/hook: test annotation',
    ru: 'Манифест в templates/tests/ без аннотации helm.sh/hook: test',
  },
  messages: {
    missing: {
      en: 'This manifest is in templates/tests/ but has no helm.sh/hook: test annotation: Helm installs it with the release like any other object, and `helm test` does not run it.',
      ru: 'Манифест лежит в templates/tests/, но у него нет аннотации helm.sh/hook: test: Helm установит его вместе с релизом как обычный объект, а `helm test` его не запустит.',
    },
  },
  kinds: ['helm-template'],
  visit: {
    k8sObject(obj, ctx) {
      if (!/[\\/]templates[\\/]tests[\\/]/.test(ctx.doc.path)) return;
      const metadata = getNode(obj.root, 'metadata');
      if (!isMap(metadata) || mayInject(ctx.doc, metadata)) return;
      const annotations = getPair(metadata, 'annotations');
      if (annotations && !isMap(annotations.value) && !isEmptyValue(annotations.value)) return;
      if (annotations && isMap(annotations.value) && (getPair(annotations.value, HOOK) || mayInject(ctx.doc, annotations.value))) return;
      if (annotations && isEmptyValue(annotations.value) && ctx.doc.isTemplated(ctx.doc.lines.lineStart(ctx.doc.lines.positionAt((annotations.key as Node).range![0]).line), (annotations.key as Node).range![1] + 200)) return;
      const [start, end] = kindSpan(obj);
      ctx.report({
        messageId: 'missing',
        start,
        end,
        fix: () => {
          const edit = annotations && isMap(annotations.value)
            ? insertEntries(ctx.doc, annotations.value as YAMLMap, entriesOf([HOOK, 'test']))
            : annotations
              ? undefined
              : insertEntries(ctx.doc, metadata, entriesOf(['annotations', entriesOf([HOOK, 'test'])]), getPair(metadata, 'name') ? { after: getPair(metadata, 'name')! } : {});
          return edit ? { title: { en: 'Add helm.sh/hook: test', ru: 'Добавить helm.sh/hook: test' }, edits: toTextEdits(ctx.doc, [edit]) } : undefined;
        },
      });
    },
  },
});
