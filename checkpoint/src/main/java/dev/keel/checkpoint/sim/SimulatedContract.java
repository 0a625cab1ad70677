package dev.keel.checkpoint.sim;

import static dev.keel.checkpoint.sim.ContractAbi.u64;
import static dev.keel.checkpoint.sim.ContractAbi.word;

import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.EthSignature;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * KeelCheckpoints.sol in Java: the same rules, checked in the same order, with the same custom
 * errors and events, so a case table passes or fails identically here and on a real EVM. Each
 * rule cites the Solidity line it mirrors; when the .sol changes, this file changes with it (the
 * conformance suite runs one table against both). One instance runs one call; state is immutable.
 */
final class SimulatedContract {
    /** How a call ended. */
    sealed interface Outcome permits Returned, Reverted {
        long gas();
    }

    /** Success: the ABI-encoded return value, the contract's new state (none for a plain transfer), events in order. */
    record Returned(Bytes output, Optional<ContractState> state, List<SimLog> logs, long gas) implements Outcome {
        Returned {
            logs = List.copyOf(logs);
        }
    }

    record Reverted(ContractError error, long gas) implements Outcome {
    }

    private static final Map<Bytes, String> FUNCTIONS = ContractAbi.FUNCTIONS.stream()
            .collect(Collectors.toUnmodifiableMap(ContractAbi::selector, Function.identity()));
    private static final EthAddress ZERO = new EthAddress(Bytes.wrap(new byte[20]));

    private final GasSchedule.Meter gas = new GasSchedule.Meter();
    private final List<SimLog> logs = new ArrayList<>();
    private final EthAddress self;
    private final long blockNumber;
    private ContractState state;

    private SimulatedContract(ContractState state, EthAddress self, long blockNumber) {
        this.state = state;
        this.self = self;
        this.blockNumber = blockNumber;
    }

    /**
     * The constructor: {@code initCode} must be Keel's creation bytecode followed by (uint64, address[], uint256).
     * Returns the runtime code, as a CREATE does (what eth_call of a deployment answers).
     */
    static Outcome construct(ContractCode code, Bytes initCode, BigInteger value, EthAddress self) {
        SimulatedContract run = new SimulatedContract(null, self, 0);
        try {
            if (value.signum() > 0) {
                throw empty("the constructor is not payable");
            }
            byte[] creation = code.creation().unsafeArray();
            byte[] all = initCode.unsafeArray();
            if (creation.length == 0 || all.length < creation.length
                    || !Arrays.equals(all, 0, creation.length, creation, 0, creation.length)) {
                throw new Revert(new ContractError.Message("keel L1 simulator: the deployment data is not "
                        + "KeelCheckpoints' creation bytecode; the simulator only runs Keel's contract"));
            }
            Calldata args = new Calldata(Bytes.wrap(Arrays.copyOfRange(all, creation.length, all.length)));
            args.requireHead(0, 96);
            long chainId = args.uint64(0);
            List<EthAddress> validators = args.addresses(args.dynamic(0, 1, 32));
            BigInteger threshold = args.word(64);
            Hash setHash = run.checkSet(validators, threshold);
            // constructor: nextValidatorSetHash = validatorSetHash
            run.state = new ContractState(chainId, 0, threshold.intValueExact(), setHash, setHash, validators, 0, 0,
                    AnchorLog.EMPTY);
            run.gas.charge(GasSchedule.CODE_DEPOSIT_BYTE * code.runtime().length()
                    + (4 + 2L * validators.size()) * GasSchedule.SSTORE_NEW);
            return new Returned(code.runtime(), Optional.of(run.state), run.logs, run.gas.used());
        } catch (Revert r) {
            return new Reverted(r.error, run.gas.used());
        }
    }

    static Outcome call(ContractState state, EthAddress self, Bytes data, BigInteger value, long blockNumber) {
        SimulatedContract run = new SimulatedContract(state, self, blockNumber);
        try {
            Bytes out = run.dispatch(new Calldata(data), data, value);
            return new Returned(out, Optional.of(run.state), run.logs, run.gas.used());
        } catch (Revert r) {
            return new Reverted(r.error, run.gas.used());
        }
    }

    private Bytes dispatch(Calldata cd, Bytes data, BigInteger value) {
        gas.charge(GasSchedule.DISPATCH);
        if (data.length() < 4) {
            throw empty("calldata has no selector and the contract has no fallback or receive");
        }
        String fn = FUNCTIONS.get(Bytes.wrap(Arrays.copyOf(data.unsafeArray(), 4)));
        if (fn == null) {
            throw empty("unknown function selector");
        }
        if (value.signum() > 0) {
            throw empty(fn + " is not payable");
        }
        if (fn.equals(ContractAbi.SUBMIT_CHECKPOINT)) {
            return submitCheckpoint(cd, data);
        }
        if (fn.equals(ContractAbi.UPDATE_VALIDATORS)) {
            return updateValidators(cd);
        }
        return ContractViews.answer(fn, state, cd, data);
    }

    /** submitCheckpoint(Checkpoint calldata cp, bytes calldata signatures) */
    private Bytes submitCheckpoint(Calldata cd, Bytes data) {
        cd.requireHead(4, 9 * 32);
        Calldata.Span signatures = cd.dynamic(4, 8, 1);
        long chainId = cd.uint64(4);
        if (chainId != state.l2ChainId()) {
            throw new Revert(new ContractError.WrongChain(state.l2ChainId(), chainId));
        }
        gas.charge(GasSchedule.SLOAD);
        long epoch = cd.uint64(4 + 32);
        if (epoch != state.epoch()) {
            throw new Revert(new ContractError.WrongEpoch(state.epoch(), epoch));
        }
        gas.charge(GasSchedule.SLOAD);
        // solc (legacy codegen) evaluates the right operand of != first: lastHeight + 1, then cp.firstHeight
        long expectedFirst = increment(state.lastHeight());
        long first = cd.uint64(4 + 64);
        if (first != expectedFirst) {
            throw new Revert(new ContractError.NotContiguous(expectedFirst, first));
        }
        long last = cd.uint64(4 + 96);
        if (Long.compareUnsigned(last, first) < 0) {
            throw new Revert(new ContractError.EmptyRange(first, last));
        }
        Hash digest = ContractViews.checkpointDigest(data);
        gas.charge(GasSchedule.keccak(9 * 32));
        requireQuorum(digest, cd, signatures);
        gas.charge(2 * GasSchedule.SLOAD);
        long number = increment(state.checkpointCount());
        ContractState next = state.withCheckpoint(new AnchorLog.Anchor(digest, last, blockNumber));
        gas.charge((number == 1 ? GasSchedule.SSTORE_NEW : GasSchedule.SSTORE_UPDATE) + 2 * GasSchedule.SSTORE_NEW);
        Hash announced = cd.bytes32(4 + 7 * 32);
        if (!announced.equals(next.nextValidatorSetHash())) {
            next = next.withNextSet(announced);
            gas.charge(GasSchedule.SSTORE_UPDATE);
        }
        state = next;
        Hash lastBlockHash = cd.bytes32(4 + 4 * 32);
        emit(List.of(ContractAbi.eventTopic(ContractAbi.CHECKPOINT_ACCEPTED), topic(number), topic(epoch)),
                ContractAbi.encodeWords(List.of(u64(first), u64(last), word(lastBlockHash), word(digest))));
        return ContractAbi.encodeWords(List.of(u64(number)));
    }

    /** updateValidators(address[] calldata validators_, uint256 threshold_, bytes calldata signatures) */
    private Bytes updateValidators(Calldata cd) {
        cd.requireHead(4, 3 * 32);
        Calldata.Span array = cd.dynamic(4, 0, 32);
        BigInteger threshold = cd.word(4 + 32);
        Calldata.Span signatures = cd.dynamic(4, 2, 1);
        List<EthAddress> validators = cd.addresses(array);
        Hash setHash = ContractAbi.validatorSetHash(validators, threshold);
        gas.charge(GasSchedule.keccak(64 + 32L * validators.size() + 32) + 2 * GasSchedule.SLOAD);
        if (!setHash.equals(state.nextValidatorSetHash()) || setHash.equals(state.validatorSetHash())) {
            throw new Revert(new ContractError.UnannouncedValidatorSet(state.nextValidatorSetHash(), setHash));
        }
        long newEpoch = increment(state.epoch());
        Hash digest = ContractAbi.validatorUpdateDigest(state.l2ChainId(), newEpoch, validators, threshold);
        gas.charge(GasSchedule.keccak(5 * 32 + 32 + 32L * validators.size()));
        requireQuorum(digest, cd, signatures);
        checkSet(validators, threshold);
        gas.charge(GasSchedule.SSTORE_UPDATE * (state.members().size() + 4)
                + 2 * GasSchedule.SSTORE_NEW * validators.size());
        state = state.withValidators(validators, threshold.intValueExact(), setHash).withEpoch(newEpoch);
        emit(List.of(ContractAbi.eventTopic(ContractAbi.VALIDATOR_SET_UPDATED), topic(newEpoch)),
                ContractAbi.encodeArrayFirst(validators, List.of(threshold, word(setHash))));
        return Bytes.EMPTY;
    }

    /** _requireQuorum: packed 65-byte signatures, at least threshold, each valid, signers strictly increasing, all members. */
    private void requireQuorum(Hash digest, Calldata cd, Calldata.Span signatures) {
        long length = signatures.length();
        if (length % 65 != 0) {
            throw new Revert(new ContractError.BadSignatureLength(length));
        }
        long count = length / 65;
        gas.charge(GasSchedule.SLOAD);
        if (count < state.threshold()) {
            throw new Revert(new ContractError.TooFewSignatures(count, state.threshold()));
        }
        EthAddress previous = ZERO;
        for (long i = 0; i < count; i++) {
            gas.charge(GasSchedule.SIGNATURE_LOOP + GasSchedule.ECRECOVER);
            EthSignature sig = new EthSignature(Bytes.wrap(cd.slice(signatures.start() + 65 * i, 65)));
            // EthSignature.recover applies the contract's v/s checks and ecrecover's zero-address failure
            Optional<EthAddress> signer = sig.recover(digest);
            if (signer.isEmpty()) {
                throw new Revert(new ContractError.BadSignature(i));
            }
            if (signer.get().compareTo(previous) <= 0) {
                throw new Revert(new ContractError.SignersNotSorted(i));
            }
            gas.charge(GasSchedule.SLOAD);
            if (!state.isValidator(signer.get())) {
                throw new Revert(new ContractError.UnknownSigner(i, signer.get()));
            }
            previous = signer.get();
        }
    }

    /** _setValidators' checks: non-empty, 1 <= threshold <= size, strictly increasing from address(0). Returns the set hash. */
    private Hash checkSet(List<EthAddress> validators, BigInteger threshold) {
        if (validators.isEmpty() || threshold.signum() == 0
                || threshold.compareTo(BigInteger.valueOf(validators.size())) > 0) {
            throw new Revert(new ContractError.BadValidatorSet());
        }
        EthAddress previous = ZERO;
        for (EthAddress a : validators) {
            if (a.compareTo(previous) <= 0) {
                throw new Revert(new ContractError.BadValidatorSet());
            }
            previous = a;
        }
        return ContractAbi.validatorSetHash(validators, threshold);
    }

    private void emit(List<Hash> topics, Bytes data) {
        gas.charge(GasSchedule.log(topics.size(), data.length()));
        logs.add(new SimLog(self, topics, data));
    }

    private static Hash topic(long uint64) {
        return new Hash(Bytes.wrap(ContractAbi.word32(u64(uint64))));
    }

    /** Checked uint64 + 1: Solidity 0.8 panics with 0x11 on overflow. */
    private static long increment(long uint64) {
        if (uint64 == -1L) {
            throw new Revert(new ContractError.Panic(ContractError.Panic.OVERFLOW));
        }
        return uint64 + 1;
    }

    static Revert empty(String why) {
        return new Revert(new ContractError.Empty(why));
    }
}
