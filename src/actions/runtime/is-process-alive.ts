// Whether a process id still names a running process: for lock and owner files that hold the
// pid of whoever wrote them (exporter/build-lock.ts, the test PostgreSQL clusters).
export function isProcessAlive(pid: number): boolean {
  try {
    // Signal 0 checks existence and permission only; nothing is sent.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
