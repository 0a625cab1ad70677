package dev.keel.checkpoint.sim;

import dev.keel.checkpoint.EthAddress;
import dev.keel.consensus.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.ContractUtils;

/**
 * Applies transactions and simulated calls to a {@link WorldState}. Three kinds of target: no
 * {@code to} deploys KeelCheckpoints, an address holding one calls it, any other address is a
 * plain transfer (data is ignored, as an account without code ignores it).
 */
final class TxExecutor {
    /** The block a transaction or call runs in. */
    record BlockEnv(long number, BigInteger baseFee) {
    }

    /** eth_call / eth_estimateGas input. */
    record CallRequest(EthAddress from, Optional<EthAddress> to, Bytes data, BigInteger value, long gasCap) {
    }

    /** A transaction's effect: the new state and its receipt. */
    record Applied(WorldState state, SimReceipt receipt) {
    }

    private final ContractCode code;

    TxExecutor(ContractCode code) {
        this.code = code;
    }

    Applied apply(WorldState before, SimTx tx, BlockEnv env, long cumulativeGasBefore) {
        WorldState s = before.withNonce(tx.from(), tx.nonce() + 1);
        Optional<EthAddress> created = tx.isCreate() ? Optional.of(contractAddress(tx.from(), tx.nonce()))
                : Optional.empty();
        SimulatedContract.Outcome outcome = run(s, tx.from(), tx.to(), tx.data(), tx.value(), env, created);
        long gasUsed = GasSchedule.intrinsic(tx.data(), tx.isCreate()) + outcome.gas();
        if (gasUsed > tx.gasLimit()) {
            outcome = new SimulatedContract.Reverted(new ContractError.Empty("out of gas"), tx.gasLimit());
            gasUsed = tx.gasLimit();
        }
        BigInteger price = tx.effectiveGasPrice(env.baseFee());
        s = s.withBalanceChange(tx.from(), price.multiply(BigInteger.valueOf(gasUsed)).negate());
        long cumulative = cumulativeGasBefore + gasUsed;
        if (outcome instanceof SimulatedContract.Returned ok) {
            s = commit(s, tx, created, ok);
            return new Applied(s, new SimReceipt(tx.hash(), true, gasUsed, cumulative, price, created, ok.logs(),
                    Optional.empty()));
        }
        if (outcome instanceof SimulatedContract.Reverted failed) {
            return new Applied(s, new SimReceipt(tx.hash(), false, gasUsed, cumulative, price, created, List.of(),
                    Optional.of(failed.error())));
        }
        throw new AssertionError("unhandled outcome " + outcome);
    }

    /** Runs a call without keeping anything; the gas figure includes the intrinsic cost. */
    SimulatedContract.Outcome simulate(WorldState s, CallRequest call, BlockEnv env) {
        Optional<EthAddress> created = call.to().isEmpty()
                ? Optional.of(contractAddress(call.from(), s.nonce(call.from()))) : Optional.empty();
        SimulatedContract.Outcome o = run(s, call.from(), call.to(), call.data(), call.value(), env, created);
        long gas = GasSchedule.intrinsic(call.data(), call.to().isEmpty()) + o.gas();
        if (o instanceof SimulatedContract.Returned ok) {
            return new SimulatedContract.Returned(ok.output(), ok.state(), ok.logs(), gas);
        }
        if (o instanceof SimulatedContract.Reverted r) {
            return new SimulatedContract.Reverted(r.error(), gas);
        }
        throw new AssertionError("unhandled outcome " + o);
    }

    Bytes codeAt(WorldState s, EthAddress a) {
        return s.contract(a).isPresent() ? code.runtime() : Bytes.EMPTY;
    }

    private SimulatedContract.Outcome run(WorldState s, EthAddress from, Optional<EthAddress> to, Bytes data,
                                          BigInteger value, BlockEnv env, Optional<EthAddress> created) {
        if (created.isPresent()) {
            return SimulatedContract.construct(code, data, value, created.get());
        }
        Optional<ContractState> target = s.contract(to.orElseThrow());
        if (target.isPresent()) {
            return SimulatedContract.call(target.get(), to.get(), data, value, env.number());
        }
        return new SimulatedContract.Returned(Bytes.EMPTY, Optional.empty(), List.of(), 0);
    }

    private static WorldState commit(WorldState s, SimTx tx, Optional<EthAddress> created,
                                     SimulatedContract.Returned ok) {
        if (created.isPresent()) {
            return s.withContract(created.get(), ok.state().orElseThrow());
        }
        EthAddress to = tx.to().orElseThrow();
        if (ok.state().isPresent()) {
            return s.withContract(to, ok.state().get());
        }
        // a plain transfer: the contract is non-payable, so only here does value move
        return s.withBalanceChange(tx.from(), tx.value().negate()).withBalanceChange(to, tx.value());
    }

    /** CREATE's address: keccak256(rlp([sender, nonce]))[12..]. */
    static EthAddress contractAddress(EthAddress sender, long nonce) {
        return new EthAddress(Bytes.wrap(ContractUtils.generateContractAddress(sender.bytes().toArray(),
                BigInteger.valueOf(nonce))));
    }
}
