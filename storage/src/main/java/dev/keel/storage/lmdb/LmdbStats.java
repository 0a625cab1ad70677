package dev.keel.storage.lmdb;

/**
 * Size figures for metrics and the benchmark. {@code fileBytes} is what {@code data.mdb}
 * takes on disk; {@code liveBytes} the pages the current tables use. The difference is
 * LMDB's free pages: copy-on-write frees the old copy of every page a transaction changes,
 * and they are reused by later transactions rather than returned to the file system.
 */
public record LmdbStats(long fileBytes, long liveBytes, long mapSize, long committedHeight) {
}
