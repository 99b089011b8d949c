package org.tlrepro.core.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.tlrepro.core.backend.NativeBackend;
import org.tlrepro.core.backend.NativeThreads;
import org.tlrepro.core.train.PaperCnn;
import org.tlrepro.core.train.Protocol;
import org.tlrepro.core.train.CnnTrainer;
import org.tlrepro.core.train.Dl4jTrainer;
import org.tlrepro.core.train.onednn.OneDnnTrainer;

/**
 * Training throughput of the paper's CNN (50x50x3, batch 128, RMSprop) on random data.
 * Usage: {@code TrainingBenchmark [images] [epochs] [jobs] [threads] [trainer]}: {@code jobs} networks train at
 * once, each worker with {@code threads} OpenMP threads (0 = all cores), set per thread as {@code TrainStage} does;
 * {@code trainer} is {@code onednn} (default) or {@code dl4j}. The first epoch is a warm-up and not counted.
 */
public final class TrainingBenchmark {

    private TrainingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int jobs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        String which = args.length > 4 ? args[4] : "onednn";
        CnnTrainer trainer = which.equals("dl4j") ? new Dl4jTrainer() : new OneDnnTrainer();
        NativeBackend.initialize();
        Protocol p = Protocol.paper();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<double[]>> results = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            long seed = j + 1;
            results.add(pool.submit(() -> {
                if (threads > 0) {
                    NativeThreads.set(threads);
                }
                INDArray x = Nd4j.rand(DataType.FLOAT, images, 3, 50, 50);
                INDArray y = Nd4j.zeros(DataType.FLOAT, images, 2);
                for (int i = 0; i < images; i++) {
                    y.putScalar(i, i % 2, 1f);
                }
                MultiLayerNetwork net = PaperCnn.build(50, 2, p, seed);
                trainer.fit(net, x, y, 1, p.batchSize(), seed, n -> { });
                long t = System.nanoTime();
                trainer.fit(net, x, y, epochs, p.batchSize(), seed, n -> { });
                double s = (System.nanoTime() - t) / 1e9;
                return new double[] {images * (double) epochs, s};
            }));
        }
        double total = 0;
        double longest = 0;
        for (Future<double[]> f : results) {
            double[] r = f.get();
            total += r[0];
            longest = Math.max(longest, r[1]);
        }
        pool.shutdown();
        System.out.printf("%s jobs=%d threads=%s: %.0f images in %.1f s = %.0f images/s (all jobs together)%n", which,
                jobs, threads == 0 ? "default" : String.valueOf(threads), total, longest, total / longest);
    }
}
