import { TRANSITIONS, type TransitionRule } from './transitions.ts';

/** Every edge of the lifecycle as `from --> to : action`, the lines of the Mermaid diagram. */
export function lifecycleEdges(): string[] {
  const edges = new Set<string>();
  for (const [action, rule] of Object.entries(TRANSITIONS) as [string, TransitionRule][]) {
    if (rule.internal) continue;
    const outcomes = typeof rule.to === 'string' ? [rule.to] : Object.values(rule.to);
    if (rule.from.length === 0) edges.add(`[*] --> ${rule.to} : ${action}`);
    for (const from of rule.from)
      for (const to of outcomes) edges.add(`${from} --> ${to === 'same' ? from : to} : ${action}`);
  }
  return [...edges].sort();
}
