import { create } from 'zustand';
import type { ConfigInput } from '../engine/config';
import type { NamedArray } from '../engine/io/safetensors';
import type { FromWorker, LoadRequest, RunIndex, ToWorker } from '../worker/protocol';
import { compareConfig, defaultOverrides, editOverrides, type ConfigEdit } from './edits';
import { backendsFromUrl, experimentHash, readHash, streamFromUrl, watchHash, writeHash } from './hash';
import { initialData, reduce, type PlaygroundData } from './reduce';
import { connectWorker, type WorkerClient } from './workerClient';

export type { Message, Status } from './reduce';

/** The worker's answer to an export request. */
export type WeightsMessage = Extract<FromWorker, { type: 'weights' }>;
/** A run's export files, as the worker sends them. */
export type BundleMessage = Extract<FromWorker, { type: 'bundle' }>;

/** Everything the UI can ask of the store. */
export interface PlaygroundActions {
  /** Start the worker (once), load the URL's experiment, and follow later hash changes. */
  connect(): void;
  /** Backends to try first (comma-separated ids, '' = automatic); re-initialises the worker. */
  setBackendPref(pref: string): void;
  /** Change the experiment of the run being edited (A, or B's overrides in compare mode). */
  edit(e: ConfigEdit): void;
  setEditing(run: RunIndex): void;
  toggleCompare(on?: boolean): void;
  start(): void;
  pause(): void;
  step(): void;
  reset(): void;
  load(request: LoadRequest): void;
  /** Ask the worker for run `run`'s weights. */
  requestWeights(run: RunIndex): Promise<WeightsMessage>;
  /** Ask the worker for run `run`'s full export (weights, config, predictions, PyTorch package). */
  requestBundle(run: RunIndex): Promise<BundleMessage>;
  importWeights(run: RunIndex, tensors: NamedArray[], name: string): void;
  /** Ask the worker for loss-landscape slices of run `run` at its current weights. */
  requestLandscape(run: RunIndex): void;
  /** The run configs Start sends: [A] or [A, B]. */
  runConfigs(): ConfigInput[];
  /** Report a problem found on the UI side (e.g. an unreadable file). */
  showError(text: string): void;
  dismissMessage(): void;
  /** Test hook: make the worker destroy its WebGPU device. */
  loseDevice(): void;
}

/** The store: data, actions and the backend preference (comma-separated ids, '' = automatic). */
export type PlaygroundState = PlaygroundData & PlaygroundActions & { backendPref: string };

let client: WorkerClient | null = null;
let validation = 0;
let validateTimer: ReturnType<typeof setTimeout> | undefined;
const pendingWeights = new Map<RunIndex, { resolve: (m: WeightsMessage) => void; reject: (e: Error) => void }[]>();
const pendingBundles = new Map<RunIndex, { resolve: (m: BundleMessage) => void; reject: (e: Error) => void }[]>();

/** The single source of truth of the UI: the experiment being edited and the runs' data. */
export const usePlayground = create<PlaygroundState>()((set, get) => {
  function send(msg: ToWorker): void {
    if (!client) throw new Error('training worker is not connected');
    client.send(msg);
  }

  function onMessage(msg: FromWorker): void {
    if (msg.type === 'weights') {
      pendingWeights.get(msg.run)?.forEach((p) => p.resolve(msg));
      pendingWeights.delete(msg.run);
      return;
    }
    if (msg.type === 'bundle') {
      pendingBundles.get(msg.run)?.forEach((p) => p.resolve(msg));
      pendingBundles.delete(msg.run);
      return;
    }
    if (msg.type === 'error') {
      for (const pending of [pendingWeights, pendingBundles]) {
        pending.forEach((list) => list.forEach((p) => p.reject(new Error(msg.message))));
        pending.clear();
      }
    }
    if (msg.type === 'validated') {
      if (msg.id === validation) set({ configError: msg.error });
      return;
    }
    set((s) => reduce(s, msg));
    // A page opened without a link shows its experiment's link at once (so copying it works).
    if (msg.type === 'ready' && !window.location.hash) publish();
    if (msg.type === 'experiment') {
      const pref = msg.backend ?? '';
      if (pref !== get().backendPref) get().setBackendPref(pref);
      if (msg.source !== 'hash') publish();
    }
  }

  /** After an edit: write the URL and have the worker validate the experiment. */
  function publish(): void {
    const s = get();
    if (!s.config) return;
    writeHash(experimentHash(s.config, s.compare ? s.overrides : null, s.backendPref));
    clearTimeout(validateTimer);
    const id = ++validation;
    const experiment = { config: s.config as ConfigInput, compare: s.compare ? s.overrides : null };
    validateTimer = setTimeout(() => send({ type: 'validate', id, experiment }), 100);
  }

  /** Send the live learning rate of each run whose rate changed. */
  function syncLr(before: number[]): void {
    const s = get();
    if (!s.runs[0]) return;
    get().runConfigs().forEach((c, i) => {
      const lr = c.lr as number;
      if (lr !== before[i] && s.runs[i]) send({ type: 'setLr', run: i as RunIndex, lr });
    });
  }

  return {
    ...initialData,
    backendPref: '',

    connect() {
      if (client) return;
      client = connectWorker(onMessage, (text) => set({ message: { kind: 'error', text } }));
      const backendPref = backendsFromUrl();
      set({ backendPref });
      send({ type: 'init', backends: backendPref ? backendPref.split(',') : undefined, stream: streamFromUrl() });
      const hash = readHash();
      if (hash) send({ type: 'load', request: { source: 'hash', hash } });
      watchHash((h) => get().load({ source: 'hash', hash: h }));
    },
    setBackendPref(backendPref) {
      set({ backendPref, status: 'connecting' });
      send({ type: 'init', backends: backendPref ? backendPref.split(',') : undefined, stream: streamFromUrl() });
      publish();
    },
    edit(e) {
      const s = get();
      if (!s.config || !s.catalog) return;
      const before = s.runConfigs().map((c) => c.lr as number);
      if (s.compare && s.editing === 1) set({ overrides: editOverrides(s.config, s.overrides, e, s.catalog) });
      else set({ config: e(s.config, s.catalog) });
      syncLr(before);
      publish();
    },
    setEditing(editing) {
      set({ editing: get().compare ? editing : 0 });
    },
    toggleCompare(on) {
      const s = get();
      if (!s.config || !s.catalog) return;
      const compare = on ?? !s.compare;
      const fresh = compare && Object.keys(s.overrides).length === 0;
      set({ compare, editing: 0, overrides: fresh ? defaultOverrides(s.config, s.catalog) : s.overrides });
      publish();
    },
    start() {
      if (get().status === 'running') return;
      set({ status: 'running', message: null });
      send({ type: 'start', configs: get().runConfigs() });
    },
    pause() {
      send({ type: 'pause' });
    },
    step() {
      set({ message: null });
      send({ type: 'step', configs: get().runConfigs() });
    },
    reset() {
      set({ message: null });
      send({ type: 'reset' });
    },
    load(request) {
      // A new experiment replaces the settings; a run in progress pauses rather than train on stale ones.
      if (get().status === 'running') send({ type: 'pause' });
      send({ type: 'load', request });
    },
    requestWeights(run) {
      return new Promise((resolve, reject) => {
        pendingWeights.set(run, [...(pendingWeights.get(run) ?? []), { resolve, reject }]);
        send({ type: 'exportWeights', run });
      });
    },
    requestBundle(run) {
      return new Promise((resolve, reject) => {
        pendingBundles.set(run, [...(pendingBundles.get(run) ?? []), { resolve, reject }]);
        send({ type: 'exportBundle', run });
      });
    },
    importWeights(run, tensors, name) {
      set({ message: null });
      send({ type: 'importWeights', run, configs: get().runConfigs(), tensors, name });
    },
    requestLandscape(run) {
      send({ type: 'landscape', run });
    },
    runConfigs() {
      const s = get();
      if (!s.config) return [];
      const a = s.config as ConfigInput;
      return s.compare ? [a, compareConfig(s.config, s.overrides) as ConfigInput] : [a];
    },
    showError(text) {
      set({ message: { kind: 'error', text } });
    },
    dismissMessage() {
      set({ message: null });
    },
    loseDevice() {
      send({ type: 'loseDevice' });
    },
  };
});
