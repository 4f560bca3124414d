// Entry of a Node-timing worker thread (see node-workers.ts). tsx's loader, which runs the benchmark,
// does not reach worker threads by itself: register it here, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./node-worker.ts');
