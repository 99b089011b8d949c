package org.tlrepro.core.bench;

import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.tlrepro.core.backend.NativeBackend;

/**
 * The hardware's limit for the roofline: single-precision matrix products (oneDNN's {@code dnnl_sgemm}, the
 * library the trainer runs on) of square {@code n x n} matrices on all of this JVM's OpenMP threads. Usage:
 * {@code SgemmBenchmark [n] [repeats]}; prints "sgemm n=...: X GFLOP/s".
 */
public final class SgemmBenchmark {

    private SgemmBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        NativeBackend.initialize(); // the same OpenMP set-up as training
        Loader.load(dnnl.class);
        long size = (long) n * n;
        FloatPointer a = new FloatPointer(size);
        FloatPointer b = new FloatPointer(size);
        FloatPointer c = new FloatPointer(size);
        for (long i = 0; i < size; i++) {
            a.put(i, (float) ((i * 7 % 13) / 13.0));
            b.put(i, (float) ((i * 5 % 11) / 11.0));
        }
        dnnl.dnnl_sgemm((byte) 'N', (byte) 'N', n, n, n, 1f, a, n, b, n, 0f, c, n);
        double best = 0;
        for (int round = 0; round < 3; round++) {
            long t = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                dnnl.dnnl_sgemm((byte) 'N', (byte) 'N', n, n, n, 1f, a, n, b, n, 0f, c, n);
            }
            double s = (System.nanoTime() - t) / 1e9;
            best = Math.max(best, 2.0 * n * n * n * repeats / s / 1e9);
        }
        System.out.printf("sgemm n=%d: %.1f GFLOP/s%n", n, best);
    }
}
