// Unit tests run tfjs on the pure-JS cpu backend (float32), the same code paths as wasm;
// tests that exercise wasm-specific paths switch to it themselves.
import * as tf from '@tensorflow/tfjs';
import { silenceTfjsBanner } from '../../cli/quiet';

silenceTfjsBanner();
await tf.setBackend('cpu');
await tf.ready();
