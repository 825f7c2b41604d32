import { create } from 'zustand';
import type { ConfigInput } from '../engine/config';
import { importSizeProblem } from '../engine/io/import-limit';
import type { FromWorker, LoadRequest, RunIndex, ToWorker } from '../worker/protocol';
import { compareConfig, defaultOverrides, editOverrides, type ConfigEdit } from './edits';
import { backendList, initialBackendPref, saveBackendPref, splitHashQuery } from './backendPref';
import { experimentHash, readHash, streamFromUrl, watchHash, writeHash } from './hash';
import { LiveLr } from './liveLr';
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
  /**
   * Backends to try first (comma-separated ids, '' = automatic): a page setting (query string
   * and localStorage, see backendPref.ts), kept across loads; re-initialises the worker.
   */
  setBackendPref(pref: string): void;
  /** Apply the live edits waiting for a commit (Enter or leaving a field): the learning rate. */
  commitLive(): void;
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
  /**
   * Import a config or weights file into run `run`: the page checks only its size; the worker
   * reads it (see `importFile` in protocol.ts) and answers beside the Import control.
   */
  importFile(run: RunIndex, file: File): void;
  dismissImportNote(): void;
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

/** `?threads=2` fixes wasm's thread count (else the worker measures 1 against the machine's cores). */
function threadsFromUrl(): number | undefined {
  const t = Number(new URLSearchParams(window.location.search).get('threads') ?? NaN);
  return Number.isInteger(t) && t >= 1 ? t : undefined;
}

/** `?budget=0.001` sets the share of time streaming may take (to check the stale-plot guarantee). */
function budgetFromUrl(): number | undefined {
  const b = Number(new URLSearchParams(window.location.search).get('budget') ?? NaN);
  return Number.isFinite(b) && b > 0 ? b : undefined;
}

/** The single source of truth of the UI: the experiment being edited and the runs' data. */
export const usePlayground = create<PlaygroundState>()((set, get) => {
  function send(msg: ToWorker, transfer?: Transferable[]): void {
    if (!client) throw new Error('training worker is not connected');
    client.send(msg, transfer);
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
    if (msg.type === 'ready') {
      live.cleared();
      if (!readableHash()) publish();
    }
    if (msg.type === 'stopped') {
      if (msg.reason === 'reset') live.cleared();
      else live.settled();
    }
    if (msg.type === 'experiment') {
      // Only an old link whose hash names a backend changes the page's preference.
      if (msg.backend !== undefined && msg.backend !== get().backendPref) get().setBackendPref(msg.backend);
      if (msg.source !== 'hash' || msg.backend !== undefined) publish();
    }
    // A link that failed must not stay in the address (Copy link would share it): show the kept experiment's.
    if (msg.type === 'loadError' && msg.source === 'hash') publish();
  }

  /** Whether the address holds an experiment hash at all. */
  function readableHash(): boolean {
    return splitHashQuery(window.location.hash).hash !== '';
  }

  /** Tell the worker which backend to use (again), keeping the page's preference. */
  function init(pref: string): void {
    const hash = readHash() || undefined; // the experiment the backends are timed on
    const backends = backendList(pref);
    send({ type: 'init', backends, stream: streamFromUrl(), budget: budgetFromUrl(), threads: threadsFromUrl(), hash });
  }

  /** After an edit: write the URL and have the worker validate the experiment. */
  function publish(): void {
    const s = get();
    if (!s.config) return;
    writeHash(experimentHash(s.config, s.compare ? s.overrides : null));
    clearTimeout(validateTimer);
    const id = ++validation;
    const experiment = { config: s.config as ConfigInput, compare: s.compare ? s.overrides : null };
    validateTimer = setTimeout(() => send({ type: 'validate', id, experiment }), 100);
  }

  /** A committed live rate goes to the worker and into the run's config (what the run trains with now). */
  function sendLr(run: RunIndex, lr: number): void {
    send({ type: 'setLr', run, lr });
    const r = get().runs[run];
    if (r) set({ runs: get().runs.map((x, i) => (i === run && x ? { ...x, config: { ...x.config, lr } } : x)) });
  }
  const live = new LiveLr(sendLr, () =>
    get()
      .runConfigs()
      .map((c) => c.lr as number),
  );

  return {
    ...initialData,
    backendPref: '',

    connect() {
      if (client) return;
      client = connectWorker(onMessage, (text) => set({ message: { kind: 'error', text } }));
      const backendPref = initialBackendPref(window.location.search, window.location.hash);
      set({ backendPref });
      saveBackendPref(backendPref);
      init(backendPref);
      const hash = readHash();
      if (hash) send({ type: 'load', request: { source: 'hash', hash } });
      watchHash(
        (h) => get().load({ source: 'hash', hash: h }),
        (query) => {
          const pref = query.get('backend');
          if (pref !== null && pref !== get().backendPref) get().setBackendPref(pref);
          else saveBackendPref(get().backendPref); // move the stray query before the hash
        },
      );
    },
    setBackendPref(backendPref) {
      saveBackendPref(backendPref);
      set({ backendPref, status: 'connecting' });
      init(backendPref);
      publish();
    },
    commitLive() {
      live.commit();
    },
    edit(e) {
      const s = get();
      if (!s.config || !s.catalog) return;
      if (s.compare && s.editing === 1) set({ overrides: editOverrides(s.config, s.overrides, e, s.catalog) });
      else set({ config: e(s.config, s.catalog) });
      if (get().status === 'running') live.edited();
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
      set({ status: 'running', message: null, importNote: null });
      const configs = get().runConfigs();
      live.started(configs.map((c) => c.lr as number));
      send({ type: 'start', configs });
    },
    pause() {
      send({ type: 'pause' });
    },
    step() {
      set({ message: null });
      const configs = get().runConfigs();
      live.started(configs.map((c) => c.lr as number));
      send({ type: 'step', configs });
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
    importFile(run, file) {
      const tooBig = importSizeProblem(file.name, file.size);
      if (tooBig) return set({ importNote: { kind: 'error', text: `${tooBig}. The current experiment was kept.` } });
      set({ importNote: { kind: 'busy', text: `Reading ${file.name}…` } });
      file.arrayBuffer().then(
        (bytes) => send({ type: 'importFile', run, configs: get().runConfigs(), name: file.name, bytes }, [bytes]),
        (e: unknown) => set({ importNote: { kind: 'error', text: `${file.name} could not be read (${String(e)})` } }),
      );
    },
    dismissImportNote() {
      set({ importNote: null });
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
