/**
 * SQLite's page cache per connection, in KiB. better-sqlite3 builds SQLite with 16 MB
 * (SQLITE_DEFAULT_CACHE_SIZE=-16000), which a server reading a large site fills on every
 * connection (its own, each work thread's): 16 MB each of resident memory holding pages the
 * operating system's file cache holds anyway. SQLite's stock 2 MB costs a read() of a page
 * held there instead (docs/performance.md: memory).
 */
export const SQLITE_CACHE_KIB = 2048;
