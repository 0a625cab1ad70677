package dev.keel.simulator.twins;

import dev.keel.simulator.net.LinkFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A Twins scenario (Bano et al., "Twins: BFT Systems Made Robust"): some validators run as
 * two honest copies sharing one key; for each of the first {@code rounds()} rounds the
 * scenario fixes the leader and a partition of the nodes. Messages of round r travel only
 * inside a group of round r's partition; from round R+1 on, the network is whole.
 *
 * <p>Nodes 0..n-1 are the validators; node n+i is the second copy of {@code twinned[i]}.
 */
public record TwinsScenario(int validators, int[] twinned, List<Integer> leaders, List<int[]> partitions) {
    public TwinsScenario {
        leaders = List.copyOf(leaders);
        partitions = List.copyOf(partitions);
    }

    public int rounds() {
        return leaders.size();
    }

    public int nodes() {
        return validators + twinned.length;
    }

    public int validatorOf(int node) {
        return node < validators ? node : twinned[node - validators];
    }

    /** Samples one scenario: per round a leader and a split into 1 to 3 groups. */
    public static TwinsScenario sample(int validators, int twins, int rounds, SplittableRandom rnd) {
        int[] twinned = new int[twins];
        for (int i = 0; i < twins; i++) {
            twinned[i] = i;
        }
        int nodes = validators + twins;
        List<Integer> leaders = new ArrayList<>();
        List<int[]> parts = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            leaders.add(rnd.nextInt(validators));
            int groups = 1 + rnd.nextInt(3);
            int[] g = new int[nodes];
            for (int i = 0; i < nodes; i++) {
                g[i] = rnd.nextInt(groups);
            }
            parts.add(g);
        }
        return new TwinsScenario(validators, twinned, leaders, parts);
    }

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
                return "twins" + Arrays.toString(twinned);
            }
        };
    }
}
