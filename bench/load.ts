// One load scenario with autocannon: a warm-up run that is thrown away, then several
// measured runs; the run with the median request rate stands for the scenario, because
// the benchmark machine is shared and single runs are noisy.
import autocannon from 'autocannon';

export interface Scenario {
  name: string;
  /** Paths to request: in turn when there are few, else one at random per request. */
  paths: string[];
  headers?: Record<string, string>;
}

const PREBUILT_MAX = 1000;

export interface LoadOptions {
  origin: string;
  connections: number;
  durationS: number;
  warmupS: number;
  runs: number;
  /** The server's CPU time so far (ms): gives CPU per request, which a busy machine disturbs less than requests/s. */
  serverCpuTimeMs?: () => number;
}

export interface RunFigures {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  requests: number;
  bytesPerSecond: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Server CPU time per completed request, in microseconds (when the server's CPU time is known). */
  serverCpuUsPerRequest?: number;
  /** Share of one core the server used; well under 100 % means something else limited the rate. */
  serverCpuPercent?: number;
  /** Share of one core autocannon (this process) used: near 100 % means the load generator is the limit. */
  clientCpuPercent: number;
}

export interface ScenarioResult {
  name: string;
  urlCount: number;
  headers: Record<string, string>;
  median: RunFigures;
  runs: RunFigures[];
  /** Errors, timeouts and non-2xx answers over every measured run. */
  failures: number;
}

export async function runScenario(scenario: Scenario, options: LoadOptions): Promise<ScenarioResult> {
  await runOnce(scenario, options, options.warmupS);
  const runs: RunFigures[] = [];
  for (let i = 0; i < options.runs; i++) runs.push(await runOnce(scenario, options, options.durationS));
  const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return {
    name: scenario.name,
    urlCount: scenario.paths.length,
    headers: scenario.headers ?? {},
    median: sorted[Math.floor(sorted.length / 2)]!,
    runs,
    failures: runs.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0),
  };
}

function runOnce(scenario: Scenario, options: LoadOptions, durationS: number): Promise<RunFigures> {
  const { paths } = scenario;
  // A short list is sent as prebuilt requests, which costs autocannon (sharing this
  // 2-core machine with the server) the least CPU; every connection walks it in turn.
  // A long list is sampled at random per request instead: walked in step, the
  // connections would find in the cache the pages the first of them had just rendered.
  const requests: autocannon.Request[] =
    paths.length <= PREBUILT_MAX
      ? paths.map((path) => ({ method: 'GET', path }))
      : [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[Math.floor(Math.random() * paths.length)]! }) }];
  const cpuBefore = options.serverCpuTimeMs?.();
  const clientBefore = process.cpuUsage();
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: options.origin,
        connections: options.connections,
        duration: durationS,
        timeout: 10,
        headers: scenario.headers ?? {},
        requests,
      },
      (error, result) => {
        if (error) return reject(error);
        let cpuMs: number | undefined;
        try {
          cpuMs = cpuBefore === undefined ? undefined : options.serverCpuTimeMs!() - cpuBefore;
        } catch (cpuError) {
          return reject(cpuError);
        }
        const client = process.cpuUsage(clientBefore);
        const percentOf = (ms: number) => Math.round((ms / (result.duration * 1000)) * 100);
        resolve({
          requestsPerSecond: result.requests.average,
          latencyP50Ms: result.latency.p50,
          latencyP99Ms: result.latency.p99,
          latencyMaxMs: result.latency.max,
          requests: result.requests.total,
          bytesPerSecond: result.throughput.average,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          serverCpuUsPerRequest: cpuMs === undefined ? undefined : Math.round((cpuMs * 1000) / Math.max(1, result.requests.total)),
          serverCpuPercent: cpuMs === undefined ? undefined : percentOf(cpuMs),
          clientCpuPercent: percentOf((client.user + client.system) / 1000),
        });
      },
    );
  });
}
