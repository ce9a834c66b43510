// What it does: flags a manifest under a chart's templates/tests/ without a helm.sh/hook
//   annotation.
// Why: the notes (slurm-notes.md:747-751): chart tests are manifests in templates/tests/ that
//   carry the annotation helm.sh/hook: test, run by `helm test`. Without the annotation the
//   test pod is an ordinary part of the release: it runs once at install time and `helm test`
//   finds nothing to run.
// Example: templates/tests/test-connection.yaml with a Pod and no annotations.
// Fix safety: safe: adds `helm.sh/hook: test` (to metadata.annotations, created if absent).
import { YAMLMap } from 'yaml';
import { getNode, getPair, isMap } from '../../documents/yaml';
import { defineRule } from '../types';
import { kindSpan } from '../kubernetes/_k8s';
import { hasTemplateSyntax, mayInject } from '../kubernetes/_template';
import { entriesOf, insertEntries, isEmptyValue, replacePair, toTextEdits } from '../kubernetes/_yamlEdit';
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
      const ann = annotations?.value;
      if (annotations) {
        if (isMap(ann)) {
          if (getPair(ann, HOOK) || mayInject(ctx.doc, ann)) return;
        } else if (!isEmptyValue(ann) || hasTemplateSyntax(ctx.doc)) return; // filled by a template
      }
      const [start, end] = kindSpan(obj);
      ctx.report({
        messageId: 'missing',
        start,
        end,
        fix: () => {
          const entry = entriesOf(['annotations', entriesOf([HOOK, 'test'])]);
          const name = getPair(metadata, 'name');
          const edit = isMap(ann)
            ? insertEntries(ctx.doc, ann as YAMLMap, entriesOf([HOOK, 'test']))
            : annotations
              ? replacePair(ctx.doc, metadata, annotations, entry)
              : insertEntries(ctx.doc, metadata, entry, name ? { after: name } : {});
          return { title: { en: 'Add helm.sh/hook: test', ru: 'Добавить helm.sh/hook: test' }, edits: toTextEdits(ctx.doc, [edit]) };
        },
      });
    },
  },
});
