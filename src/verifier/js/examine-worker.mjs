/** A worker thread of the verifier: examines one slice of the papers' proofs (examine.mjs) and posts what fails. */
import { parentPort, workerData } from 'node:worker_threads';
import { examine } from './examine.mjs';

parentPort.postMessage(examine(workerData.tasks, workerData.ballot));
