package dev.keel.storage.exec;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.storage.StorageException;
import dev.keel.storage.StorageException.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

/**
 * {@link ExecutionLog} in its own LMDB environment ({@code <data dir>/exec}), opened with
 * {@code MDB_NOSYNC}: its records are derived data (see {@link ExecutionLog}), so they must
 * not pay an fsync nor share the consensus environment's single writer lock.
 *
 * <p>Record encoding: state root (32 bytes), u32 count, then per outcome u16 code length,
 * code (ASCII), u16 message length, message (UTF-8, truncated to 1 KiB).
 */
public final class LmdbExecutionLog implements ExecutionLog {
    private static final long MAP_SIZE = 64L << 30; // virtual reservation; the file grows with use
    private static final int MAX_MESSAGE = 1024;

    private final Path dir;
    private final Env<byte[]> env;
    private final Dbi<byte[]> dbi;

    private LmdbExecutionLog(Path dir, Env<byte[]> env, Dbi<byte[]> dbi) {
        this.dir = dir;
        this.env = env;
        this.dbi = dbi;
    }

    public static LmdbExecutionLog open(Path dir) {
        try {
            Files.createDirectories(dir);
            Env<byte[]> env = Env.create(ByteArrayProxy.PROXY_BA).setMaxDbs(1).setMapSize(MAP_SIZE)
                    .open(dir.toFile(), EnvFlags.MDB_NOTLS, EnvFlags.MDB_NOSYNC);
            return new LmdbExecutionLog(dir, env, env.openDbi("exec", DbiFlags.MDB_CREATE));
        } catch (IOException | LmdbException e) {
            throw new StorageException(Problem.IO_FAILURE, dir, "cannot open the execution log: " + e.getMessage(), e);
        }
    }

    @Override
    public void append(List<ExecutionRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try (Txn<byte[]> txn = env.txnWrite()) {
            for (ExecutionRecord r : records) {
                dbi.put(txn, key(r.height()), encode(r));
            }
            txn.commit();
        } catch (LmdbException e) {
            throw new StorageException(Problem.IO_FAILURE, dir, "execution log write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ExecutionRecord> get(long height) {
        try (Txn<byte[]> txn = env.txnRead()) {
            byte[] v = dbi.get(txn, key(height));
            return v == null ? Optional.empty() : Optional.of(decode(height, v));
        } catch (LmdbException e) {
            throw new StorageException(Problem.IO_FAILURE, dir, "execution log read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void clear() {
        try (Txn<byte[]> txn = env.txnWrite()) {
            dbi.drop(txn);
            txn.commit();
        }
    }

    @Override
    public void close() {
        env.close();
    }

    private static byte[] key(long height) {
        return ByteBuffer.allocate(8).putLong(height).array(); // big-endian: keys sort by height
    }

    static byte[] encode(ExecutionRecord r) {
        int size = 32 + 4;
        List<byte[][]> parts = new ArrayList<>(r.outcomes().size());
        for (ExecutionRecord.Outcome o : r.outcomes()) {
            byte[] code = o.code().getBytes(StandardCharsets.US_ASCII);
            byte[] msg = o.message().getBytes(StandardCharsets.UTF_8);
            if (msg.length > MAX_MESSAGE) {
                msg = java.util.Arrays.copyOf(msg, MAX_MESSAGE);
            }
            parts.add(new byte[][] {code, msg});
            size += 4 + code.length + msg.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(r.stateRoot().bytes().unsafeArray()).putInt(parts.size());
        for (byte[][] p : parts) {
            b.putShort((short) p[0].length).put(p[0]).putShort((short) p[1].length).put(p[1]);
        }
        return b.array();
    }

    static ExecutionRecord decode(long height, byte[] v) {
        ByteBuffer b = ByteBuffer.wrap(v);
        byte[] root = new byte[32];
        b.get(root);
        int n = b.getInt();
        List<ExecutionRecord.Outcome> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] code = new byte[Short.toUnsignedInt(b.getShort())];
            b.get(code);
            byte[] msg = new byte[Short.toUnsignedInt(b.getShort())];
            b.get(msg);
            out.add(new ExecutionRecord.Outcome(new String(code, StandardCharsets.US_ASCII),
                    new String(msg, StandardCharsets.UTF_8)));
        }
        return new ExecutionRecord(height, new Hash(Bytes.wrap(root)), out);
    }
}
