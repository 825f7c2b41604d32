// Unit tests run tfjs on the pure-JS cpu backend (float32), the same code paths as wasm.
import * as tf from '@tensorflow/tfjs';

await tf.setBackend('cpu');
await tf.ready();
