// Worker entry of a load's sending thread: loads the TypeScript sources through tsx, sends its share of
// the persons and hands the result to the parent by message.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { sendShareInThisThread } = await import('./send_threads.ts');
// The parent's interrupt (SIGINT, SIGTERM) arrives as a message: profiles in flight finish, no new one starts.
const stopping = new AbortController();
parentPort.on('message', (message) => {
  if (message?.type === 'stop') stopping.abort(message.reason);
});
const share = await sendShareInThisThread(workerData, (progress) => parentPort.postMessage({ type: 'progress', progress }), stopping.signal);
parentPort.postMessage({ type: 'done', share });
parentPort.close();
