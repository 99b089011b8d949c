package org.tlrepro.spark;

import java.util.List;
import java.util.function.Consumer;

import org.tlrepro.core.TaskFailures;
import org.tlrepro.core.embed.EmbeddingExecutor;
import org.tlrepro.core.embed.ImageBatch;

/**
 * Embeds each batch of images as a one-task Spark job ({@link SparkJobs}); the model file goes to executors outside
 * this JVM with {@code addFile} (checked against its SHA-256 there), the images are read from the shared prepared
 * folder (each checked against its SHA-256), and the vectors come back to this JVM, which alone writes the cache.
 */
final class SparkEmbeddingExecutor implements EmbeddingExecutor {

    private final SparkSettings settings;

    SparkEmbeddingExecutor(SparkSettings settings) {
        this.settings = settings;
    }

    @Override
    public String describe() {
        return settings.describe();
    }

    @Override
    public void execute(List<ImageBatch> batches, EmbedderFactory factory, Consumer<EmbeddedBatch> sink) {
        boolean ship = !settings.inThisJvm();
        EmbedTask task = new EmbedTask(factory, settings.nativeThreads(), ship);
        TaskFailures<ImageBatch> failures = new TaskFailures<>(batches.size(), "embedding batches",
                " on Spark after their retries", "the others are in the cache; a rerun embeds only the missing images",
                b -> "the batch of " + b.size() + " images from " + b.files().get(0));
        try (SparkJobs jobs = SparkJobs.start(settings, "tl embed (" + batches.size() + " batches)")) {
            if (ship) {
                jobs.context().addFile(factory.modelFile());
            }
            jobs.runEach(batches, i -> task::call, (b, vectors) -> sink.accept(new EmbeddedBatch(b, vectors)))
                    .forEach(f -> failures.add(f.item(), f.cause()));
        } finally {
            EmbedTask.forget(factory);
        }
        failures.throwIfAny();
    }
}
