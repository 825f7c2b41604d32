import { create } from 'zustand';
import type { BackendId } from '../engine/backend';
import type { ConfigInput, ExperimentConfig } from '../engine/config';
import type { PdeId } from '../engine/pdes';
import { assertNever, type FromWorker, type PdeInfo } from '../worker/protocol';
import { appendLoss, emptyHistory, type LossHistory } from './history';
import { connectWorker, type WorkerClient } from './workerClient';

export type Status = 'connecting' | 'idle' | 'running' | 'paused' | 'finished' | 'diverged' | 'error';

/** The latest solution snapshot from the worker. */
export interface EvaluationSnapshot {
  step: number;
  relL2: number;
  pred: Float32Array;
  exact: Float32Array;
  ticks: number[][];
  axes: string[];
  outputs: string[];
}

export interface RunInfo {
  config: ExperimentConfig;
  paramCount: number;
  terms: string[];
}

export interface TrainingState {
  status: Status;
  backend: BackendId | null;
  backendReason: string;
  catalog: PdeInfo[];
  /** What the next Start/Step sends (the worker fills every missing field with defaults). */
  config: ConfigInput & { pde: PdeId; lr: number };
  run: RunInfo | null;
  step: number;
  loss: number | null;
  losses: Record<string, number>;
  relL2: number | null;
  stepsPerSec: number | null;
  history: LossHistory;
  evaluation: EvaluationSnapshot | null;
  /** The last problem to show the user. */
  message: { kind: 'error' | 'diverged'; text: string } | null;

  /** Start the worker; `backends` (e.g. from `?backend=webgl`) are tried before the default order. */
  connect(backends?: string[]): void;
  setPde(pde: PdeId): void;
  setLr(lr: number): void;
  start(): void;
  pause(): void;
  step1(): void;
  reset(): void;
}

/** Browser defaults: a small batch keeps WebGPU-on-SwiftShader and CPU fallbacks responsive. */
export const initialConfig: TrainingState['config'] = { pde: 'helmholtz', batch: 128, lr: 1e-3 };

type StopReason = Extract<FromWorker, { type: 'stopped' }>['reason'];

function statusAfterStop(reason: Exclude<StopReason, 'reset'>, hasRun: boolean): Status {
  switch (reason) {
    case 'paused':
    case 'stepped':
      return 'paused';
    case 'finished':
    case 'diverged':
      return reason;
    case 'error':
      return hasRun ? 'error' : 'idle';
    default:
      return assertNever(reason);
  }
}

let client: WorkerClient | null = null;
let runCounter = 0;

const cleared = {
  run: null,
  step: 0,
  loss: null,
  losses: {},
  relL2: null,
  stepsPerSec: null,
  evaluation: null,
} satisfies Partial<TrainingState>;

export const useTraining = create<TrainingState>()((set, get) => {
  function onMessage(msg: FromWorker): void {
    switch (msg.type) {
      case 'catalog':
        set({ catalog: msg.pdes });
        return;
      case 'ready':
        set({ status: 'idle', backend: msg.backend, backendReason: msg.reason });
        return;
      case 'started':
        set({
          ...cleared,
          run: { config: msg.config, paramCount: msg.paramCount, terms: msg.terms },
          history: emptyHistory(++runCounter, msg.terms),
        });
        return;
      case 'progress':
        set((s) => ({
          step: msg.step,
          loss: msg.loss,
          losses: msg.losses,
          stepsPerSec: msg.stepsPerSec,
          relL2: msg.relL2 ?? s.relL2,
          history: appendLoss(s.history, msg.step, msg.losses, msg.loss),
        }));
        return;
      case 'evaluation': {
        const { step, relL2, pred, exact, ticks, axes, outputs } = msg;
        set({ evaluation: { step, relL2, pred, exact, ticks, axes, outputs }, relL2 });
        return;
      }
      case 'error':
        set({ message: { kind: 'error', text: msg.message } });
        return;
      case 'diverged':
        set({ message: { kind: 'diverged', text: msg.message } });
        return;
      case 'stopped':
        if (msg.reason === 'reset') set({ status: 'idle', ...cleared, history: emptyHistory(++runCounter) });
        else set({ status: statusAfterStop(msg.reason, get().run !== null) });
        return;
      default:
        return assertNever(msg);
    }
  }

  function send(...args: Parameters<WorkerClient['send']>): void {
    if (!client) throw new Error('training worker is not connected');
    client.send(...args);
  }

  return {
    status: 'connecting',
    backend: null,
    backendReason: '',
    catalog: [],
    config: initialConfig,
    ...cleared,
    history: emptyHistory(0),
    message: null,

    connect(backends) {
      if (client) return;
      client = connectWorker(onMessage, (text) => set({ status: 'error', message: { kind: 'error', text } }));
      // The worker validates the names (they may come from a URL) and reports unknown ones.
      client.send({ type: 'init', backends: backends as BackendId[] | undefined });
    },
    setPde(pde) {
      set((s) => ({ config: { ...s.config, pde } }));
    },
    setLr(lr) {
      set((s) => ({ config: { ...s.config, lr } }));
      if (get().run) send({ type: 'setLr', lr });
    },
    start() {
      if (get().status === 'running') return;
      set({ status: 'running', message: null });
      send({ type: 'start', config: get().config });
    },
    pause() {
      send({ type: 'pause' });
    },
    step1() {
      set({ message: null });
      send({ type: 'step', config: get().config });
    },
    reset() {
      set({ message: null });
      send({ type: 'reset' });
    },
  };
});
