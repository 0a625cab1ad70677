package dev.keel.storage.lmdb;

import dev.keel.storage.StorageException;
import dev.keel.storage.StorageException.Problem;
import dev.keel.storage.codec.CorruptDataException;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.lmdbjava.Env;
import org.lmdbjava.LmdbException;
import org.lmdbjava.LmdbNativeException;
import org.lmdbjava.Txn;

/**
 * Runs read and write transactions on one environment and owns the three rules around them:
 *
 * <ol>
 * <li><b>Map growth.</b> A write that fills the map ({@code MDB_MAP_FULL}) is aborted, the
 * map doubled, and the whole write re-run; LMDB allows resizing only while no transaction
 * is open in the process, so every transaction holds the read side of {@link #gate} and a
 * resize takes the write side.</li>
 * <li><b>Error mapping.</b> LMDB and decoding failures become {@link StorageException}s:
 * out-of-space errnos are DISK_FULL, damaged pages or undecodable values CORRUPTED.</li>
 * <li><b>Fail-stop after a failed write.</b> After a write fails with DISK_FULL or an I/O
 * error, every later write is refused with that error. An aborted LMDB transaction wrote
 * nothing visible, but a failed {@code fsync} may have dropped dirty pages that a later
 * {@code fsync} would then report as written (the PostgreSQL "fsyncgate" lesson), and a
 * failed meta-page write leaves LMDB in its fatal state: the only safe continuation is a
 * restart, which re-reads what is really on disk.</li>
 * </ol>
 */
final class Transactions {
    /** Work inside a transaction; may read and decode stored values. */
    interface Work<T> {
        T run(Txn<byte[]> txn) throws CorruptDataException;
    }

    // Linux errno values LMDB passes through from write(2)/fsync(2).
    private static final int EFBIG = 27;
    private static final int ENOSPC = 28;
    private static final int EDQUOT = 122;

    private final Env<byte[]> env;
    private final Path dir;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private long mapSize;
    private boolean closed;
    private volatile StorageException failure;

    Transactions(Env<byte[]> env, Path dir, long mapSize) {
        this.env = env;
        this.dir = dir;
        this.mapSize = mapSize;
    }

    <T> T write(Work<T> work) {
        StorageException earlier = failure;
        if (earlier != null) {
            throw new StorageException(earlier.problem(), dir, "writes stopped after an earlier failure: "
                    + earlier.detail(), earlier);
        }
        while (true) {
            long seen = -1;
            gate.readLock().lock();
            try {
                ensureOpen();
                seen = mapSize;
                try (Txn<byte[]> txn = env.txnWrite()) {
                    T out = work.run(txn);
                    txn.commit();
                    return out;
                }
            } catch (Env.MapFullException e) {
                // Grow below, outside the read side of the gate, then run the work again.
            } catch (CorruptDataException e) {
                throw corrupted(e);
            } catch (LmdbException e) {
                StorageException mapped = mapWriteFailure(e);
                failure = mapped;
                throw mapped;
            } finally {
                gate.readLock().unlock();
            }
            grow(seen);
        }
    }

    <T> T read(Work<T> work) {
        gate.readLock().lock();
        try {
            ensureOpen();
            try (Txn<byte[]> txn = env.txnRead()) {
                return work.run(txn);
            }
        } catch (CorruptDataException e) {
            throw corrupted(e);
        } catch (LmdbException e) {
            throw map(e, "read");
        } finally {
            gate.readLock().unlock();
        }
    }

    long mapSize() {
        gate.readLock().lock();
        try {
            return mapSize;
        } finally {
            gate.readLock().unlock();
        }
    }

    /** Waits for running transactions, then closes the environment. Idempotent. */
    void close() {
        gate.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                env.close();
            }
        } finally {
            gate.writeLock().unlock();
        }
    }

    private void grow(long seen) {
        gate.writeLock().lock();
        try {
            ensureOpen();
            if (mapSize != seen) {
                return; // another writer already grew it
            }
            long next = seen * 2;
            if (next > LmdbConfig.MAX_MAP_SIZE) {
                StorageException e = new StorageException(Problem.DISK_FULL, dir, "the LMDB map reached its "
                        + LmdbConfig.MAX_MAP_SIZE + "-byte limit");
                failure = e;
                throw e;
            }
            env.setMapSize(next);
            mapSize = next;
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** An I/O error while writing is a full disk if space (or the file-size limit) ran out; say which. */
    private StorageException mapWriteFailure(LmdbException e) {
        StorageException mapped = map(e, "write");
        if (mapped.problem() == Problem.IO_FAILURE || mapped.problem() == Problem.DISK_FULL) {
            var reason = DiskSpace.shortage(dir);
            if (reason.isPresent()) {
                return new StorageException(Problem.DISK_FULL, dir, reason.get() + "; " + mapped.detail(), e);
            }
        }
        return mapped;
    }

    private void ensureOpen() {
        if (closed) {
            throw new StorageException(Problem.CLOSED, dir, "used after close()");
        }
    }

    private StorageException corrupted(CorruptDataException e) {
        return new StorageException(Problem.CORRUPTED, dir, e.getMessage(), e);
    }

    /** Classifies an LMDB failure (also used while opening). */
    static StorageException map(LmdbException e, Path dir, String during) {
        Problem p = Problem.IO_FAILURE;
        if (e instanceof LmdbNativeException n) {
            int rc = n.getResultCode();
            if (rc == ENOSPC || rc == EDQUOT || rc == EFBIG) {
                p = Problem.DISK_FULL;
            }
        }
        if (e instanceof LmdbNativeException.PageCorruptedException
                || e instanceof LmdbNativeException.PageNotFoundException
                || e instanceof Env.FileInvalidException) {
            p = Problem.CORRUPTED;
        } else if (e instanceof Env.VersionMismatchException) {
            p = Problem.NEWER_FORMAT;
        }
        return new StorageException(p, dir, "LMDB " + during + " failed: " + e.getMessage(), e);
    }

    private StorageException map(LmdbException e, String during) {
        return map(e, dir, during);
    }
}
