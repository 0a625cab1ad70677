package dev.keel.checkpoint.sim;

import java.math.BigInteger;

/** EIP-1559's base fee update: +-1/8 per block toward half-full blocks, here with a configurable floor. */
final class BaseFeeRule {
    private static final BigInteger EIGHT = BigInteger.valueOf(8);

    private BaseFeeRule() {
    }

    /** The trend base fee of the block after {@code parent} (before any fee spike). */
    static BigInteger next(SimBlock parent, SimL1Config config) {
        if (parent.number() == 0) {
            return config.initialBaseFee();
        }
        BigInteger base = parent.trendBaseFee();
        BigInteger target = BigInteger.valueOf(parent.gasLimit() / 2);
        BigInteger used = BigInteger.valueOf(parent.gasUsed());
        int cmp = used.compareTo(target);
        BigInteger next = base;
        if (cmp > 0) {
            next = base.add(base.multiply(used.subtract(target)).divide(target).divide(EIGHT).max(BigInteger.ONE));
        } else if (cmp < 0) {
            next = base.subtract(base.multiply(target.subtract(used)).divide(target).divide(EIGHT));
        }
        return next.max(config.minBaseFee());
    }
}
