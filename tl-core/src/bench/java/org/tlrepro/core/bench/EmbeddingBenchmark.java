package org.tlrepro.core.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.tlrepro.core.embed.EmbedderKind;
import org.tlrepro.core.embed.EmbeddingModel;
import org.tlrepro.core.embed.KerasEmbedder;
import org.tlrepro.core.embed.Preprocessing;
import org.tlrepro.core.embed.keras.Architecture;
import org.tlrepro.core.fetch.RemoteFile;

/**
 * Embedding throughput of a Keras model on real images.
 * Usage: {@code EmbeddingBenchmark <model.h5> <folder of images> [images] [batch] [inputSize] [caffe|tf]
 * [onednn|dl4j]}. The first batch is a warm-up and not counted.
 */
public final class EmbeddingBenchmark {

    private EmbeddingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path modelFile = Path.of(args[0]);
        Path images = Path.of(args[1]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int size = args.length > 4 ? Integer.parseInt(args[4]) : 224;
        Preprocessing mode = args.length > 5 ? Preprocessing.parse(args[5]) : Preprocessing.CAFFE;
        EmbedderKind embedder = args.length > 6 ? EmbedderKind.parse(args[6]) : EmbedderKind.ONEDNN;
        EmbeddingModel model = new EmbeddingModel(List.of(new RemoteFile(modelFile.getFileName().toString(), null,
                null)), Architecture.KERAS_MODEL, modelFile.getFileName().toString(), size, mode, "avg_pool", batch,
                embedder);
        long load = System.nanoTime();
        KerasEmbedder kerasEmbedder = KerasEmbedder.load(modelFile, model);
        System.out.printf("model loaded in %.1f s (%s, channels-first: %s)%n", (System.nanoTime() - load) / 1e9,
                kerasEmbedder.engine(), kerasEmbedder.channelsFirst());
        List<Path> files;
        try (Stream<Path> s = Files.walk(images)) {
            files = s.filter(Files::isRegularFile).sorted().limit(count + batch).toList();
        }
        long start = 0;
        int counted = 0;
        for (int from = 0; from < files.size(); from += batch) {
            List<byte[]> bytes = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Path p : files.subList(from, Math.min(files.size(), from + batch))) {
                bytes.add(Files.readAllBytes(p));
                names.add(p.toString());
            }
            kerasEmbedder.embed(bytes, names);
            if (from == 0) {
                start = System.nanoTime();
            } else {
                counted += bytes.size();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %d images in %.1f s: %.2f images/s (batch %d, %dx%d); 10,000 images would take %.1f "
                + "min%n", embedder.id(), counted, seconds, counted / seconds, batch, size, size,
                10000 / (counted / seconds) / 60);
    }
}
