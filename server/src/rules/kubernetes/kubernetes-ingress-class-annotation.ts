// What it does: flags the kubernetes.io/ingress.class annotation on an Ingress.
// Why: the notes (slurm-notes.md:370) say that since 1.18 the controller class can be given in
//   the manifest; that is spec.ingressClassName, naming an IngressClass object. The annotation
//   is the older way, deprecated since 1.18; controllers still read it, so this is information.
//   With both set the API server rejects a new Ingress: that case is an error.
// Example: `annotations: {kubernetes.io/ingress.class: nginx}` -> `spec: {ingressClassName: nginx}`.
// Fix safety: suggestion: ingressClassName must name an existing IngressClass (ingress-nginx
//   installs one called `nginx`), while the annotation is matched against the controller's
//   --ingress-class flag; for an old controller without IngressClass objects the two differ.
import { Node, YAMLMap } from 'yaml';
import { getNode, getPair, isMap } from '../../documents/yaml';
import { defineRule } from '../types';
import { MANIFEST_KINDS } from './_k8s';
import { Edit, entriesOf, insertEntries, range, Raw, removePair, toTextEdits } from './_yamlEdit';
import { mayInject } from './_template';

const ANNOTATION = 'kubernetes.io/ingress.class';

export default defineRule({
  id: 'kubernetes-ingress-class-annotation',
  family: 'kubernetes',
  severity: 'information',
  key: 'k8s.Ingress.spec.ingressClassName',
  docs: 'https://kubernetes.io/docs/concepts/services-networking/ingress/#deprecated-annotation',
  fixSafety: 'suggestion',
  today: 'ingress-class',
  description: {
    en: 'The deprecated kubernetes.io/ingress.class annotation instead of spec.ingressClassName',
    ru: 'Устаревшая аннотация kubernetes.io/ingress.class вместо spec.ingressClassName',
  },
  messages: {
    // The "today" remark (ingress-class) that follows these says why the field replaced it.
    annotation: {
      en: 'Move the controller class from this annotation to spec.ingressClassName.',
      ru: 'Перенесите класс контроллера из этой аннотации в spec.ingressClassName.',
    },
    both: {
      en: 'The annotation and spec.ingressClassName are both set: the API server rejects a new Ingress with both ("can not be set when the class field is also set"). Remove the annotation.',
      ru: 'Заданы и аннотация, и spec.ingressClassName: новый Ingress с обоими API-сервер отклонит («can not be set when the class field is also set»). Удалите аннотацию.',
    },
  },
  kinds: MANIFEST_KINDS,
  k8sKinds: ['Ingress'],
  visit: {
    k8sObject(obj, ctx) {
      const annotations = getNode(getNode(obj.root, 'metadata'), 'annotations');
      const pair = getPair(annotations, ANNOTATION);
      if (!pair || !isMap(annotations)) return;
      const spec = getNode(obj.root, 'spec');
      const both = !!getPair(spec, 'ingressClassName');
      const k = range(pair.key as Node)!;
      const fix = () => {
        const edits: Edit[] = [];
        // The last annotation takes its `annotations:` key with it.
        const metadata = getNode(obj.root, 'metadata') as YAMLMap;
        edits.push(annotations.items.length === 1 ? removePair(ctx.doc, metadata, getPair(metadata, 'annotations')!) : removePair(ctx.doc, annotations, pair));
        if (!both) {
          const v = range(pair.value as Node);
          if (!v || !isMap(spec) || mayInject(ctx.doc, spec) || !spec.items.length) return undefined;
          const value = new Raw(ctx.doc.text.slice(v[0], v[1]));
          edits.push(insertEntries(ctx.doc, spec, entriesOf(['ingressClassName', value]), { before: spec.items[0] }));
        }
        return {
          title: both ? { en: 'Remove the annotation', ru: 'Удалить аннотацию' } : { en: 'Move the class to spec.ingressClassName', ru: 'Перенести класс в spec.ingressClassName' },
          edits: toTextEdits(ctx.doc, edits),
        };
      };
      ctx.report({ messageId: both ? 'both' : 'annotation', severity: both ? 'error' : undefined, start: k[0], end: k[1], fix });
    },
  },
});
