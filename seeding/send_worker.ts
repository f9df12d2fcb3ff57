// Worker entry of a load's sending thread: sends its share of the persons and hands the result to the
// parent by message. The compiled package starts it as dist/seeding/send_worker.js; a checkout starts
// send_worker.mjs, which loads this file through tsx.
import { parentPort, workerData } from 'node:worker_threads';
import { sendShareInThisThread, type ThreadShare } from './send_threads.ts';

const parent = parentPort!;
// The parent's interrupt (SIGINT, SIGTERM) arrives as a message: profiles in flight finish, no new one starts.
const stopping = new AbortController();
parent.on('message', (message: { type?: string; reason?: unknown }) => {
  if (message?.type === 'stop') stopping.abort(message.reason);
});
const share = await sendShareInThisThread(workerData as ThreadShare, (progress) => parent.postMessage({ type: 'progress', progress }), stopping.signal);
parent.postMessage({ type: 'done', share });
parent.close();
