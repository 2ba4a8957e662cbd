// The Japanese sentence for a throttled login step, with the wait rounded up to seconds
// or minutes (the Retry-After header carries the exact seconds).
export function retryMessage(retryAfterMs: number): string {
  const seconds = Math.ceil(retryAfterMs / 1000);
  const wait = seconds >= 60 ? `${Math.ceil(seconds / 60)}分` : `${seconds}秒`;
  return `ログインの失敗が続いたため、一時的にログインを受け付けていません。${wait}ほど待ってから、もう一度お試しください。`;
}
