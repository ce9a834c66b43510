// Stage facts the cache rules share: which RUNs use a cache mount, and whether a variable is
// set by ENV/ARG in the stage or the stages it is built FROM.
import { DockerfileModel, DockerInstruction, DockerStage, parentStage, shippedStages } from '../../documents/dockerfile';

/**
 * The RUN instructions (shell form) of the stages that end up in the final image — where
 * caches left behind cost image size. A builder stage only copied from does not count.
 */
export function* shippedRuns(model: DockerfileModel): Iterable<{ stage: DockerStage; ins: DockerInstruction }> {
  const shipped = shippedStages(model);
  for (const stage of model.stages) {
    if (!shipped.has(stage.index)) continue;
    for (const ins of stage.instructions) if (ins.keyword === 'RUN' && ins.commands) yield { stage, ins };
  }
}

export function hasCacheMount(ins: DockerInstruction): boolean {
  return ins.flags.some((f) => f.name === 'mount' && /(?:^|,)type=cache(?:,|$)/.test(f.value ?? ''));
}

/** ENV or ARG naming `name` before `before` in the stage or its parent stages. */
export function definesVariable(model: DockerfileModel, stage: DockerStage, before: DockerInstruction, name: string): boolean {
  const re = new RegExp(`(?:^|\\s)${name}(?:[=\\s]|$)`);
  for (let s: DockerStage | undefined = stage, guard = 0; s && guard <= model.stages.length; s = parentStage(model, s), guard++) {
    for (const ins of s.instructions) {
      if (s === stage && ins.start >= before.start) break;
      if ((ins.keyword === 'ENV' || ins.keyword === 'ARG') && re.test(ins.args)) return true;
    }
  }
  return false;
}
