// One Node process that runs many CLI invocations, each as `cd CWD && briefdeck ARGV` would: the
// tests that are about what the CLI says in a folder, not about the process (exit by signal, EPIPE,
// PATH), pay one Node start-up per test file instead of one per case. It runs lib/ like bin/briefdeck.js.
// Requests come over the IPC channel, one at a time: { id, argv, cwd } → { id, code, out, err }.
import process from 'node:process';
import { run } from '../../lib/cli/run.js';
import { forgetConfigs } from '../../lib/load/load-config.js';

let out = '';
let err = '';
// Anything the library writes to the real streams, past the Io, is still part of what the user sees.
for (const [stream, add] of [[process.stdout, (t) => (out += t)], [process.stderr, (t) => (err += t)]]) {
  stream.write = (chunk, ...rest) => {
    add(String(chunk));
    rest.find((arg) => typeof arg === 'function')?.();
    return true;
  };
}
// The test's process went away (a crash, a killed worker): so does the host.
process.on('disconnect', () => process.exit(0));

process.on('message', async ({ id, argv, cwd }) => {
  out = '';
  err = '';
  // A fresh process looks for its config again and starts in the folder it was started in.
  forgetConfigs();
  process.chdir(cwd);
  const code = await run(argv, { stdout: (t) => void (out += t), stderr: (t) => void (err += t) });
  process.send({ id, code, out, err });
});
process.send({ ready: true });
