package dev.keel.checkpoint;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a validator keeps per checkpoint number: the checkpoint it built from its own chain
 * (what L1 anchors are compared against), its own signature, and the formed, quorum-signed
 * checkpoint once it has one. Stored through the storage module's opaque checkpoint table.
 */
public record CheckpointRecord(Checkpoint local, EthSignature own, Optional<SignedCheckpoint> formed) {
    private static final int VERSION = 1;

    public CheckpointRecord {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(own, "own");
        // encode() writes the checkpoint once: a formed one for another checkpoint would not survive a round trip
        if (formed.isPresent() && !formed.get().checkpoint().equals(local)) {
            throw new IllegalArgumentException("formed checkpoint " + formed.get().number() + " is not this record's");
        }
    }

    public long number() {
        return local.number();
    }

    public CheckpointRecord withFormed(SignedCheckpoint f) {
        return new CheckpointRecord(local, own, Optional.of(f));
    }

    public Bytes encode() {
        var bytes = new ByteArrayOutputStream(512);
        try (var out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            Checkpoint c = local;
            for (long v : new long[] {c.number(), c.chainId(), c.epoch(), c.firstHeight(), c.lastHeight()}) {
                out.writeLong(v);
            }
            for (Hash h : List.of(c.lastBlockHash(), c.blocksRoot(), c.stateRoot(), c.nextValidatorSetHash())) {
                out.write(h.bytes().unsafeArray());
            }
            out.write(own.bytes().unsafeArray());
            out.writeBoolean(formed.isPresent());
            if (formed.isPresent()) {
                SignedCheckpoint f = formed.get();
                out.writeLong(f.formedAtMillis());
                out.writeShort(f.signers().size());
                for (int i = 0; i < f.signers().size(); i++) {
                    out.write(f.signers().get(i).bytes().unsafeArray());
                    out.write(f.signatures().get(i).bytes().unsafeArray());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Bytes.wrap(bytes.toByteArray());
    }

    /** @throws IllegalArgumentException on bytes this version did not write */
    public static CheckpointRecord decode(Bytes data) {
        try (var in = new DataInputStream(new ByteArrayInputStream(data.unsafeArray()))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown checkpoint record version " + version);
            }
            long number = in.readLong();
            long chain = in.readLong();
            long epoch = in.readLong();
            long first = in.readLong();
            long last = in.readLong();
            Checkpoint cp = new Checkpoint(number, chain, epoch, first, last, hash(in), hash(in), hash(in), hash(in));
            EthSignature own = new EthSignature(Bytes.wrap(in.readNBytes(EthSignature.LENGTH)));
            Optional<SignedCheckpoint> formed = Optional.empty();
            int hasFormed = in.readUnsignedByte();
            if (hasFormed > 1) {
                throw new IllegalArgumentException("bad formed flag " + hasFormed);
            }
            if (hasFormed == 1) {
                long at = in.readLong();
                int n = in.readUnsignedShort();
                List<EthAddress> who = new ArrayList<>(n);
                List<EthSignature> sigs = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    who.add(new EthAddress(Bytes.wrap(in.readNBytes(20))));
                    sigs.add(new EthSignature(Bytes.wrap(in.readNBytes(EthSignature.LENGTH))));
                }
                formed = Optional.of(new SignedCheckpoint(cp, who, sigs, at));
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException("trailing bytes in checkpoint record");
            }
            return new CheckpointRecord(cp, own, formed);
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated checkpoint record", e);
        }
    }

    private static Hash hash(DataInputStream in) throws IOException {
        byte[] b = in.readNBytes(Hash.LENGTH);
        if (b.length != Hash.LENGTH) {
            throw new IOException("truncated hash");
        }
        return new Hash(Bytes.wrap(b));
    }
}
