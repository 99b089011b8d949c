package org.tlrepro.core.bench;

import java.util.Random;

import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.cluster.Dendrogram;
import org.tlrepro.core.cluster.Linkage;
import org.tlrepro.core.cluster.Metric;
import org.tlrepro.core.cluster.NearestNeighbourChain;

/**
 * Time of Ward clustering of one class as the paper has it: 5,000 vectors of 2,048 values.
 * Usage: {@code ClusteringBenchmark [n] [dimension] [repeats]}; prints distance and clustering times.
 */
public final class ClusteringBenchmark {

    private ClusteringBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int dim = args.length > 1 ? Integer.parseInt(args[1]) : 2048;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        NativeBackend.initialize();
        Random random = new Random(1);
        double[][] x = new double[n][dim];
        for (double[] row : x) {
            for (int j = 0; j < dim; j++) {
                // non-negative and skewed, like pooled ReLU activations
                row[j] = Math.max(0, random.nextGaussian()) * (1 + j % 7);
            }
        }
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            double[] d = Metric.EUCLIDEAN.condensed(x);
            long t1 = System.nanoTime();
            Dendrogram tree = NearestNeighbourChain.cluster(n, d, Linkage.WARD);
            long t2 = System.nanoTime();
            System.out.printf("n=%d dim=%d: distances %.2f s, Ward nearest-neighbour chain %.2f s, total %.2f s "
                    + "(root height %.1f)%n", n, dim, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9,
                    tree.height(tree.root()));
        }
    }
}
