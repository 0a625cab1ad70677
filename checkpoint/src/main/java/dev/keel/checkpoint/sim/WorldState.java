package dev.keel.checkpoint.sim;

import dev.keel.checkpoint.EthAddress;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a block changes, immutable so every block keeps the state it ended with (a reorg or
 * evm_revert just goes back to an older block). Balances are bookkeeping, not a rule: every
 * account starts with {@link #PREFUND} and may go below zero (then reads as 0), so any key can
 * send transactions without a faucet step; fees and value transfers are still recorded.
 */
record WorldState(Map<EthAddress, Long> nonces, Map<EthAddress, BigInteger> balances,
                  Map<EthAddress, ContractState> contracts) {
    /** 10 000 ether, what Hardhat gives its dev accounts. */
    static final BigInteger PREFUND = BigInteger.TEN.pow(22);
    static final WorldState GENESIS = new WorldState(Map.of(), Map.of(), Map.of());

    WorldState {
        nonces = Map.copyOf(nonces);
        balances = Map.copyOf(balances);
        contracts = Map.copyOf(contracts);
    }

    long nonce(EthAddress a) {
        return nonces.getOrDefault(a, 0L);
    }

    /** The account's balance as eth_getBalance reports it (never negative: balances are not enforced). */
    BigInteger balance(EthAddress a) {
        return balances.getOrDefault(a, PREFUND).max(BigInteger.ZERO);
    }

    Optional<ContractState> contract(EthAddress a) {
        return Optional.ofNullable(contracts.get(a));
    }

    WorldState withNonce(EthAddress a, long nonce) {
        Map<EthAddress, Long> n = new HashMap<>(nonces);
        n.put(a, nonce);
        return new WorldState(n, balances, contracts);
    }

    WorldState withBalanceChange(EthAddress a, BigInteger delta) {
        if (delta.signum() == 0) {
            return this;
        }
        Map<EthAddress, BigInteger> b = new HashMap<>(balances);
        b.put(a, balances.getOrDefault(a, PREFUND).add(delta));
        return new WorldState(nonces, b, contracts);
    }

    WorldState withContract(EthAddress a, ContractState state) {
        Map<EthAddress, ContractState> c = new HashMap<>(contracts);
        c.put(a, state);
        return new WorldState(nonces, balances, c);
    }
}
