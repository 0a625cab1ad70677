package dev.keel.simulator.twins;

import dev.keel.simulator.net.LinkFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A Twins scenario (Bano et al., "Twins: BFT Systems Made Robust"): twinned validators run
 * as two honest copies sharing one key; for each of the first {@code rounds()} rounds the
 * scenario fixes the leader and a partition of the nodes. A message of round r travels only
 * inside one group of round r's partition; from round R+1 on, the network is whole.
 *
 * <p>Sampling follows the paper's observation that the interesting scenarios put the two
 * copies of a twin on opposite sides and let the adversary lead: a partition holds for a
 * span of 1 to 3 rounds, twin copies are split, and half the leaders are twinned validators.
 *
 * @param partitions for each round, the group of every node (by simulation node id)
 */
public record TwinsScenario(List<Integer> leaders, List<int[]> partitions) {
    public TwinsScenario {
        leaders = List.copyOf(leaders);
        partitions = List.copyOf(partitions);
    }

    public int rounds() {
        return leaders.size();
    }

    /**
     * @param validatorOfNode the validator index each simulation node runs as
     * @param twinned validators that have two nodes
     */
    public static TwinsScenario sample(int validators, int[] validatorOfNode, Set<Integer> twinned, int rounds,
                                       SplittableRandom rnd) {
        List<Integer> leaders = new ArrayList<>();
        List<int[]> parts = new ArrayList<>();
        List<Integer> twins = twinned.stream().sorted().toList();
        while (leaders.size() < rounds) {
            int span = 1 + rnd.nextInt(3);
            int[] groups = partition(validatorOfNode, twinned, rnd);
            for (int i = 0; i < span && leaders.size() < rounds; i++) {
                boolean twinLeads = !twins.isEmpty() && rnd.nextBoolean();
                leaders.add(twinLeads ? twins.get(rnd.nextInt(twins.size())) : rnd.nextInt(validators));
                parts.add(groups);
            }
        }
        return new TwinsScenario(leaders, parts);
    }

    /** One group (20%) or two or three groups with the two copies of every twin apart. */
    private static int[] partition(int[] validatorOfNode, Set<Integer> twinned, SplittableRandom rnd) {
        int nodes = validatorOfNode.length;
        int[] g = new int[nodes];
        if (rnd.nextInt(5) == 0) {
            return g;
        }
        int groups = 2 + rnd.nextInt(2);
        Set<Integer> seen = new HashSet<>();
        for (int node = 0; node < nodes; node++) {
            int v = validatorOfNode[node];
            if (twinned.contains(v)) {
                g[node] = seen.add(v) ? 0 : 1; // first copy left, second copy right
            } else {
                g[node] = rnd.nextInt(groups);
            }
        }
        return g;
    }

    /** The round-keyed filter; rounds past the scenario are unfiltered. */
    public LinkFilter filter() {
        return new LinkFilter() {
            @Override
            public boolean allows(int a, int b, long round) {
                if (round < 1 || round > partitions.size()) {
                    return true;
                }
                int[] g = partitions.get((int) round - 1);
                return g[a] == g[b];
            }

            @Override
            public String toString() {
                return "twins(" + partitions.size() + " rounds)";
            }
        };
    }
}
