// Reads a V8 CPU profile (CDP Profiler.stop) into what stage-profile.ts prints: the call tree under one
// function (extract) with inclusive and self milliseconds, and the functions with the most self time.

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface TreeLine {
  depth: number;
  name: string;
  totalMs: number;
  selfMs: number;
}

export interface SelfTime {
  name: string;
  selfMs: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Inclusive time of every call of the root function (nested calls counted once). */
  rootMs: number;
  garbageCollectorMs: number;
  idleMs: number;
  programMs: number;
  tree: TreeLine[];
  topSelfInRoot: SelfTime[];
  topSelf: SelfTime[];
}

export interface AggregateOptions {
  /** The function whose call tree is shown (the first frame of that name in `scriptUrl`). */
  root: string;
  /** The end of the URL of the script that defines it. */
  scriptUrl: string;
  /** Tree lines under this inclusive time are left out. */
  minTreeMs?: number;
  maxDepth?: number;
  top?: number;
}

function frameName(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  const file = frame.url.split('/').pop() ?? frame.url;
  // Profiles number lines from 0.
  return `${name} ${file}:${frame.lineNumber + 1}`;
}

/** Milliseconds each sample stands for: the time until the next sample (the last one until the end). */
function sampleDurations(profile: CpuProfile): number[] {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const stamps: number[] = [];
  let at = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0;
    stamps.push(at);
  }
  return stamps.map((stamp, i) => ((stamps[i + 1] ?? profile.endTime) - stamp) / 1000);
}

function topOf(map: Map<string, number>, count: number): SelfTime[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, selfMs]) => ({ name, selfMs }));
}

export function aggregateProfile(profile: CpuProfile, options: AggregateOptions): ProfileSummary {
  const minTreeMs = options.minTreeMs ?? 1.5;
  const maxDepth = options.maxDepth ?? 7;
  const top = options.top ?? 25;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  }
  const isRoot = (node: ProfileNode) =>
    node.callFrame.functionName === options.root && node.callFrame.url.endsWith(options.scriptUrl);

  const selfByNode = new Map<number, number>();
  const durations = sampleDurations(profile);
  (profile.samples ?? []).forEach((id, i) => {
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + (durations[i] ?? 0));
  });

  // Which nodes lie under the (outermost) root function.
  const underRoot = new Map<number, boolean>();
  const isUnderRoot = (id: number): boolean => {
    const known = underRoot.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const parent = parentOf.get(id);
    const answer =
      node !== undefined && (isRoot(node) || (parent !== undefined && isUnderRoot(parent)));
    underRoot.set(id, answer);
    return answer;
  };

  const summary: ProfileSummary = {
    totalMs: durations.reduce((sum, value) => sum + value, 0),
    rootMs: 0,
    garbageCollectorMs: 0,
    idleMs: 0,
    programMs: 0,
    tree: [],
    topSelfInRoot: [],
    topSelf: [],
  };
  const selfByName = new Map<string, number>();
  const selfInRootByName = new Map<string, number>();
  for (const [id, self] of selfByNode) {
    const node = byId.get(id);
    if (!node) continue;
    const name = frameName(node.callFrame);
    selfByName.set(name, (selfByName.get(name) ?? 0) + self);
    if (isUnderRoot(id)) {
      summary.rootMs += self;
      selfInRootByName.set(name, (selfInRootByName.get(name) ?? 0) + self);
    }
    if (node.callFrame.functionName === '(garbage collector)') summary.garbageCollectorMs += self;
    if (node.callFrame.functionName === '(idle)') summary.idleMs += self;
    if (node.callFrame.functionName === '(program)') summary.programMs += self;
  }
  summary.topSelf = topOf(selfByName, top);
  summary.topSelfInRoot = topOf(selfInRootByName, top);

  // The call tree under the root(s), children merged by name, inclusive time.
  interface Merged {
    name: string;
    totalMs: number;
    selfMs: number;
    children: Map<string, Merged>;
  }
  const inclusive = new Map<number, number>();
  const totalOf = (id: number): number => {
    const known = inclusive.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const value =
      (selfByNode.get(id) ?? 0) +
      (node?.children ?? []).reduce((sum, child) => sum + totalOf(child), 0);
    inclusive.set(id, value);
    return value;
  };
  const merged: Merged = { name: options.root, totalMs: 0, selfMs: 0, children: new Map() };
  const addInto = (into: Merged, id: number, depth: number) => {
    const node = byId.get(id);
    if (!node) return;
    for (const childId of node.children ?? []) {
      const child = byId.get(childId);
      if (!child) continue;
      const name = frameName(child.callFrame);
      let entry = into.children.get(name);
      if (!entry) {
        entry = { name, totalMs: 0, selfMs: 0, children: new Map() };
        into.children.set(name, entry);
      }
      entry.totalMs += totalOf(childId);
      entry.selfMs += selfByNode.get(childId) ?? 0;
      if (depth < maxDepth) addInto(entry, childId, depth + 1);
    }
  };
  for (const node of profile.nodes) {
    const parent = parentOf.get(node.id);
    if (!isRoot(node) || (parent !== undefined && isUnderRoot(parent))) continue;
    merged.totalMs += totalOf(node.id);
    merged.selfMs += selfByNode.get(node.id) ?? 0;
    addInto(merged, node.id, 1);
  }
  const flatten = (entry: Merged, depth: number) => {
    summary.tree.push({ depth, name: entry.name, totalMs: entry.totalMs, selfMs: entry.selfMs });
    [...entry.children.values()]
      .filter((child) => child.totalMs >= minTreeMs)
      .sort((a, b) => b.totalMs - a.totalMs)
      .forEach((child) => flatten(child, depth + 1));
  };
  flatten(merged, 0);
  return summary;
}
