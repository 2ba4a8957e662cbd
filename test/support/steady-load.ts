// A steady load of GET requests for the multi-instance tests (test/ops/): eight clients in
// turn, each request expected to answer 200 with a given text; every other answer or network
// error is kept as a failure, so a test can restart or stop servers meanwhile and then check
// that nothing failed.
export interface SteadyLoad {
  /** Requests answered as expected so far. */
  answered: () => number;
  /** `path: status` (or the error) of each request that was not. */
  failures: string[];
  /** Resolves once `count` more requests have been answered. */
  waitForAnswers: (count: number) => Promise<void>;
  /** Stops sending and waits for the requests in flight. */
  stop: () => Promise<void>;
}

export function startSteadyLoad(base: string, pathFor: (i: number) => string, expectedText: string, clients = 8): SteadyLoad {
  let isLoading = true;
  let answered = 0;
  const failures: string[] = [];
  const client = async (n: number) => {
    for (let i = n; isLoading; i += clients) {
      const path = pathFor(i);
      try {
        const response = await fetch(base + path);
        const body = await response.text();
        if (response.status !== 200 || !body.includes(expectedText)) failures.push(`${path}: ${response.status}`);
        else answered += 1;
      } catch (error) {
        failures.push(`${path}: ${String(error)}`);
      }
    }
  };
  const running = Array.from({ length: clients }, (_, n) => client(n));
  return {
    answered: () => answered,
    failures,
    waitForAnswers: async (count) => {
      const target = answered + count;
      while (answered < target) await new Promise((r) => setTimeout(r, 20));
    },
    stop: async () => {
      isLoading = false;
      await Promise.all(running);
    },
  };
}
