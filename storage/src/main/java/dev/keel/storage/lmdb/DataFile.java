package dev.keel.storage.lmdb;

import dev.keel.storage.StorageException;
import dev.keel.storage.StorageException.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the two LMDB meta pages at the start of {@code data.mdb} say, read with plain file
 * I/O before LMDB maps the file. The point is truncation: LMDB memory-maps the file and
 * trusts its meta page, so reading a page past the end of a truncated file is a SIGBUS
 * that kills the JVM instead of an error. Checking here that the file is as long as its
 * newest committed transaction says turns that into a CORRUPTED refusal.
 *
 * <p>Offsets follow LMDB 0.9's {@code MDB_page} (16-byte header) and {@code MDB_meta}
 * structs on a 64-bit platform, in native byte order (how LMDB writes them).
 *
 * @param pageSize the page size the file was created with
 * @param mapSize  the map size recorded by the last writer (LMDB keeps the larger of this and ours)
 * @param lastPage the highest page number in use by the newest committed transaction
 */
record DataFile(int pageSize, long mapSize, long lastPage) {
    static final String FILE_NAME = "data.mdb";
    /** The only data version LMDB 0.9 reads and writes. */
    static final int LMDB_DATA_VERSION = 1;

    private static final int MAGIC = 0xBEEFC0DE;
    private static final int META_OFFSET = 16;
    private static final int OFF_MAGIC = META_OFFSET;
    private static final int OFF_VERSION = META_OFFSET + 4;
    private static final int OFF_MAPSIZE = META_OFFSET + 16;
    private static final int OFF_PAGESIZE = META_OFFSET + 24;
    private static final int OFF_LAST_PAGE = META_OFFSET + 120;
    private static final int OFF_TXNID = META_OFFSET + 128;
    private static final int META_BYTES = OFF_TXNID + 8;

    /** Reads and checks the file header of a non-empty {@code data.mdb} in {@code dir}. */
    static DataFile read(Path dir) {
        Path file = dir.resolve(FILE_NAME);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer first = readAt(ch, 0, META_BYTES);
            if (first == null || first.getInt(OFF_MAGIC) != MAGIC) {
                throw new StorageException(Problem.NOT_A_KEEL_DIRECTORY, dir, FILE_NAME + " is not an LMDB file");
            }
            int version = first.getInt(OFF_VERSION);
            if (version != LMDB_DATA_VERSION) {
                throw new StorageException(Problem.NEWER_FORMAT, dir, FILE_NAME + " has LMDB data version " + version
                        + "; this build reads version " + LMDB_DATA_VERSION);
            }
            int pageSize = first.getInt(OFF_PAGESIZE);
            if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
                throw new StorageException(Problem.CORRUPTED, dir, FILE_NAME + " records an impossible page size " + pageSize);
            }
            ByteBuffer second = readAt(ch, pageSize, META_BYTES);
            if (second == null || second.getInt(OFF_MAGIC) != MAGIC) {
                throw new StorageException(Problem.CORRUPTED, dir, "the second meta page of " + FILE_NAME + " is damaged or missing");
            }
            ByteBuffer newest = second.getLong(OFF_TXNID) > first.getLong(OFF_TXNID) ? second : first;
            DataFile df = new DataFile(pageSize, newest.getLong(OFF_MAPSIZE), newest.getLong(OFF_LAST_PAGE));
            df.checkLength(dir, size);
            return df;
        } catch (IOException e) {
            throw new StorageException(Problem.IO_FAILURE, dir, "cannot read " + file + ": " + e, e);
        }
    }

    /** Bytes the newest committed transaction needs on disk. */
    long usedBytes() {
        return (lastPage + 1) * pageSize;
    }

    private void checkLength(Path dir, long size) {
        if (lastPage < 1) {
            // Pages 0 and 1 are the meta pages themselves, so a valid file always uses both.
            throw new StorageException(Problem.CORRUPTED, dir, FILE_NAME + " meta page names last page " + lastPage);
        }
        if (size < usedBytes()) {
            throw new StorageException(Problem.CORRUPTED, dir, FILE_NAME + " is " + size + " bytes but its last committed"
                    + " transaction uses " + usedBytes() + ": the file was truncated");
        }
    }

    private static ByteBuffer readAt(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                return null;
            }
        }
        return buf.flip();
    }
}
