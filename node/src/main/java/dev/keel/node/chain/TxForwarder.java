package dev.keel.node.chain;

import dev.keel.consensus.message.TxBatch;
import dev.keel.consensus.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends the transactions clients gave this validator to every other validator, so whoever
 * leads next can propose them. Batches by count, bytes and a short delay: per-transaction
 * messages would cost a frame, an encryption and an actor hop each. Only client
 * transactions are forwarded (the mesh is complete, so a peer's are not re-forwarded).
 */
public final class TxForwarder implements AutoCloseable {
    static final int MAX_TXS = 1000;
    static final long MAX_BYTES = 1L << 20;
    static final long LINGER_MICROS = 2000;

    private final Consumer<TxBatch> broadcast;
    private final ScheduledExecutorService timer;
    private List<Bytes> buffer = new ArrayList<>();
    private long bytes;

    public TxForwarder(Consumer<TxBatch> broadcast) {
        this.broadcast = broadcast;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keel-tx-forwarder");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::flush, LINGER_MICROS, LINGER_MICROS, TimeUnit.MICROSECONDS);
    }

    public void add(Bytes tx) {
        List<Bytes> full = null;
        synchronized (this) {
            buffer.add(tx);
            bytes += tx.length();
            if (buffer.size() >= MAX_TXS || bytes >= MAX_BYTES) {
                full = take();
            }
        }
        if (full != null) {
            broadcast.accept(new TxBatch(full));
        }
    }

    void flush() {
        List<Bytes> out;
        synchronized (this) {
            if (buffer.isEmpty()) {
                return;
            }
            out = take();
        }
        broadcast.accept(new TxBatch(out));
    }

    private List<Bytes> take() {
        List<Bytes> out = buffer;
        buffer = new ArrayList<>();
        bytes = 0;
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
