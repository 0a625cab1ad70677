package dev.keel.storage.lmdb;

import dev.keel.storage.StorageException;
import dev.keel.storage.StorageException.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive ownership of a data directory by one process: an OS lock on {@code LOCK}, held
 * until {@link #close()} and released by the kernel if the process dies (so a SIGKILLed
 * node never leaves a stale lock). LMDB's own {@code lock.mdb} does not do this: LMDB
 * deliberately lets several processes share an environment.
 *
 * <p>Directories locked by this JVM are also tracked in {@link #HELD}, and a second open is
 * refused from that set without touching the file: POSIX record locks belong to the
 * process, and closing <em>any</em> channel on the file would silently drop the lock the
 * first store holds (see {@link FileLock}'s platform notes).
 */
final class DirectoryLock implements AutoCloseable {
    static final String FILE_NAME = "LOCK";
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean created;
    private boolean released;

    private DirectoryLock(Path dir, FileChannel channel, FileLock lock, boolean created) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
        this.created = created;
    }

    /** Takes the lock or throws LOCKED naming the holder; writes nothing to the file. */
    static DirectoryLock acquire(Path dir) {
        Path key = canonical(dir);
        if (!HELD.add(key)) {
            throw new StorageException(Problem.LOCKED, dir, "it is already open in this process");
        }
        Path file = dir.resolve(FILE_NAME);
        FileChannel ch = null;
        try {
            boolean existed = Files.exists(file);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            if (lock == null) {
                String holder = readHolder(ch);
                ch.close();
                throw new StorageException(Problem.LOCKED, dir, "another process holds " + file + holder);
            }
            return new DirectoryLock(key, ch, lock, !existed);
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(ch);
            HELD.remove(key);
            throw new StorageException(Problem.LOCKED, dir, "cannot lock " + file + ": " + e, e);
        } catch (StorageException e) {
            HELD.remove(key);
            throw e;
        }
    }

    /** Records our pid in the file, for the error message a second process will print. */
    void stampOwner() {
        byte[] text = ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text), 0);
        } catch (IOException e) {
            // Cosmetic only: the lock itself is held either way.
        }
    }

    /** Releases the lock; if the file was made by us and the open was refused, removes it too. */
    synchronized void release(boolean removeIfCreated) {
        if (released) {
            return;
        }
        released = true;
        try {
            if (removeIfCreated && created) {
                Files.deleteIfExists(dir.resolve(FILE_NAME));
            }
            lock.release();
        } catch (IOException e) {
            // Closing the channel below releases the lock regardless.
        } finally {
            closeQuietly(channel);
            HELD.remove(dir);
        }
    }

    @Override
    public void close() {
        release(false);
    }

    private static String readHolder(FileChannel ch) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(64);
            int n = ch.read(buf, 0);
            return n <= 0 ? "" : " (" + new String(buf.array(), 0, n, StandardCharsets.UTF_8).trim() + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static Path canonical(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // Nothing more to release.
            }
        }
    }
}
