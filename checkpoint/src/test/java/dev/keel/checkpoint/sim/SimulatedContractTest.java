package dev.keel.checkpoint.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.EthKey;
import dev.keel.checkpoint.ValidatorSetHash;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ABI decoder's edges, on SimulatedContract directly: what solc's decoder rejects with empty
 * revert data, and that rule order matches the .sol when several rules are broken at once.
 */
class SimulatedContractTest {
    private static final EthAddress SELF = SimTestKit.key("contract", 0).address();
    private final List<EthKey> keys = SimTestKit.validators(4);
    private final Hash setHash = ValidatorSetHash.of(SimTestKit.addresses(keys), 3);
    private final ContractState state = deployed();

    @Test
    void unknownSelectorShortCalldataAndValueRevertEmpty() {
        assertEmpty(call("0xdeadbeef", BigInteger.ZERO));
        assertEmpty(call("0x01", BigInteger.ZERO));
        assertEmpty(call("0x", BigInteger.ZERO));
        assertEmpty(call(SimTestKit.callData(ContractAbi.LATEST), BigInteger.ONE));
    }

    @Test
    void dirtyUint64AndAddressArgumentsRevertEmpty() {
        BigInteger dirty = BigInteger.ONE.shiftLeft(64);
        assertEmpty(call(SimTestKit.callData(ContractAbi.ANCHOR, dirty), BigInteger.ZERO));
        assertEmpty(call(SimTestKit.callData(ContractAbi.IS_VALIDATOR, BigInteger.ONE.shiftLeft(160)),
                BigInteger.ZERO));
        assertEmpty(call(SimTestKit.callData(ContractAbi.ANCHOR), BigInteger.ZERO));
        Checkpoint cp = SimTestKit.checkpoint(1, 0, 1, 1, setHash);
        byte[] words = java.util.Arrays.copyOfRange(cp.abiEncode(), 32, 288);
        words[0] = 1; // chainId's high bytes
        assertEmpty(call(SimTestKit.submitData(Bytes.wrap(words), Bytes.EMPTY), BigInteger.ZERO));
    }

    @Test
    void truncatedOrOutOfRangeDynamicArgumentsRevertEmpty() {
        Checkpoint cp = SimTestKit.checkpoint(1, 0, 1, 1, setHash);
        String good = SimTestKit.submitData(cp, SimTestKit.sign(keys, cp.digest()));
        assertEquals(ContractState.class, ((SimulatedContract.Returned) call(good, BigInteger.ZERO)).state()
                .orElseThrow().getClass());
        assertEmpty(call(good.substring(0, good.length() - 64), BigInteger.ZERO));
        assertEmpty(call(good.substring(0, 2 + 8 + 64 * 8), BigInteger.ZERO));
        String hugeOffset = good.substring(0, 2 + 8 + 64 * 8) + "f".repeat(64) + good.substring(2 + 8 + 64 * 9);
        assertEmpty(call(hugeOffset, BigInteger.ZERO));
    }

    @Test
    void firstBrokenRuleWins() {
        Checkpoint wrongEverything = new Checkpoint(1, SimTestKit.L2_CHAIN + 1, 5, 9, 9, Hash.ZERO, Hash.ZERO,
                Hash.ZERO, Hash.ZERO);
        assertEquals(new ContractError.WrongChain(SimTestKit.L2_CHAIN, SimTestKit.L2_CHAIN + 1),
                revert(SimTestKit.submitData(wrongEverything, List.of())));
        Checkpoint gapAndFewSigs = SimTestKit.checkpoint(1, 0, 3, 4, setHash);
        assertEquals(new ContractError.NotContiguous(1, 3), revert(SimTestKit.submitData(gapAndFewSigs, List.of())));
        Checkpoint ok = SimTestKit.checkpoint(1, 0, 1, 4, setHash);
        byte[] bad = new byte[65 * 3 + 1];
        assertEquals(new ContractError.BadSignatureLength(196), revert(SimTestKit.submitData(Bytes.wrap(
                java.util.Arrays.copyOfRange(ok.abiEncode(), 32, 288)), Bytes.wrap(bad))));
    }

    @Test
    void heightOverflowPanicsLikeSolidity() {
        ContractState full = new ContractState(SimTestKit.L2_CHAIN, 0, 3, setHash, setHash,
                SimTestKit.addresses(keys), 1, -1L, AnchorLog.EMPTY.append(new AnchorLog.Anchor(Hash.ZERO, -1L, 1)));
        Checkpoint cp = SimTestKit.checkpoint(2, 0, 1, 1, setHash);
        SimulatedContract.Outcome o = SimulatedContract.call(full, SELF,
                Bytes.fromHex(SimTestKit.submitData(cp, List.of()).substring(2)), BigInteger.ZERO, 1);
        assertEquals(new ContractError.Panic(0x11), ((SimulatedContract.Reverted) o).error());
    }

    @Test
    void everyReadOnlyFunctionAnswers() {
        for (String fn : ContractAbi.FUNCTIONS) {
            if (fn.equals(ContractAbi.SUBMIT_CHECKPOINT) || fn.equals(ContractAbi.UPDATE_VALIDATORS)) {
                continue;
            }
            String zeros = "00".repeat(8 * 32);
            assertInstanceOf(SimulatedContract.Returned.class, call("0x" + ContractAbi.selector(fn).toHex() + zeros,
                    BigInteger.ZERO), fn);
        }
    }

    @Test
    void baseFeeFollowsEip1559AboveTheFloor() {
        SimL1Config config = SimL1Config.automine().withBaseFees(BigInteger.valueOf(1000), BigInteger.valueOf(700));
        SimBlock genesis = SimBlock.seal(0, Hash.ZERO, 0, BigInteger.valueOf(1000), BigInteger.valueOf(1000),
                30_000_000, Bytes.EMPTY, List.of(), List.of(), WorldState.GENESIS);
        assertEquals(BigInteger.valueOf(1000), BaseFeeRule.next(genesis, config));
        SimBlock empty = SimBlock.seal(1, genesis.hash(), 1, BigInteger.valueOf(1000), BigInteger.valueOf(1000),
                30_000_000, Bytes.EMPTY, List.of(), List.of(), WorldState.GENESIS);
        assertEquals(BigInteger.valueOf(875), BaseFeeRule.next(empty, config), "-1/8 after an empty block");
        SimBlock low = SimBlock.seal(2, empty.hash(), 2, BigInteger.valueOf(750), BigInteger.valueOf(750),
                30_000_000, Bytes.EMPTY, List.of(), List.of(), WorldState.GENESIS);
        assertEquals(BigInteger.valueOf(700), BaseFeeRule.next(low, config), "never below the floor");
    }

    @Test
    void anchorLogVersionsDoNotSeeEachOther() {
        AnchorLog base = AnchorLog.EMPTY.append(new AnchorLog.Anchor(Hash.ZERO, 1, 1));
        AnchorLog a = base.append(new AnchorLog.Anchor(SimTestKit.hashOf("a", 1), 2, 2));
        AnchorLog b = base.append(new AnchorLog.Anchor(SimTestKit.hashOf("b", 1), 3, 3));
        assertEquals(1, base.size());
        assertEquals(2, a.get(2).lastHeight());
        assertEquals(3, b.get(2).lastHeight());
        assertEquals(AnchorLog.Anchor.NONE, base.get(2));
    }

    private ContractState deployed() {
        String data = SimTestKit.deployData(SimTestKit.L2_CHAIN, SimTestKit.addresses(keys), BigInteger.valueOf(3));
        SimulatedContract.Outcome o = SimulatedContract.construct(ContractCode.load(),
                Bytes.fromHex(data.substring(2)), BigInteger.ZERO, SELF);
        return ((SimulatedContract.Returned) o).state().orElseThrow();
    }

    private SimulatedContract.Outcome call(String data, BigInteger value) {
        return SimulatedContract.call(state, SELF, Bytes.fromHex(data.substring(2)), value, 1);
    }

    private ContractError revert(String data) {
        return assertInstanceOf(SimulatedContract.Reverted.class, call(data, BigInteger.ZERO)).error();
    }

    private static void assertEmpty(SimulatedContract.Outcome o) {
        assertInstanceOf(ContractError.Empty.class, assertInstanceOf(SimulatedContract.Reverted.class, o).error());
    }
}
