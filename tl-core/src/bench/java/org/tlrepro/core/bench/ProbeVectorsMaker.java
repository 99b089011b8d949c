package org.tlrepro.core.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.tlrepro.core.embed.EmbeddingModel;
import org.tlrepro.core.embed.KerasEmbedder;
import org.tlrepro.core.embed.Preprocessing;
import org.tlrepro.core.embed.ProbeVectors;
import org.tlrepro.core.fetch.RemoteFile;
import org.tlrepro.core.io.Json;
import org.tlrepro.core.io.Sha256;

/**
 * Not a benchmark: the one-off tool that computed the committed probe vectors of ResNet50
 * ({@code src/main/resources/org/tlrepro/core/embed/probes/resnet50-imagenet.json}), kept so that anyone can see how.
 * It embeds three images of the paper's sample (the first two Parasitized and the first Uninfected rows of the
 * sample list) with a whole ResNet50 model file at 224x224, "caffe" preprocessing, layer {@code avg_pool}.
 * <pre>
 * mvn -pl tl-core -Pbench test-compile exec:exec -Dbench=ProbeVectorsMaker -Dbench.args="MODEL.h5 SAMPLE.tsv ARCHIVE.zip OUT.json"
 * </pre>
 */
public final class ProbeVectorsMaker {

    private ProbeVectorsMaker() {
    }

    public static void main(String[] args) throws IOException {
        Path model = Path.of(args[0]);
        List<String> rows = Files.readAllLines(Path.of(args[1]));
        List<String[]> chosen = new ArrayList<>();
        rows.stream().skip(1).map(r -> r.split("\t")).filter(r -> r[0].equals("Parasitized")).limit(2)
                .forEach(chosen::add);
        rows.stream().skip(1).map(r -> r.split("\t")).filter(r -> r[0].equals("Uninfected")).limit(1)
                .forEach(chosen::add);
        List<byte[]> pngs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(args[2])) {
            for (String[] r : chosen) {
                ZipEntry e = zip.getEntry("cell_images/" + r[0] + "/" + r[1]);
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] png = in.readAllBytes();
                    if (!Sha256.hex(png).equals(r[2])) {
                        throw new IllegalStateException(r[1] + " does not match the sample list");
                    }
                    pngs.add(png);
                    names.add(r[0] + "/" + r[1]);
                }
            }
        }
        EmbeddingModel m = new EmbeddingModel(new RemoteFile(model.getFileName().toString(), null, null),
                "ResNet50 (ImageNet)", 224, Preprocessing.CAFFE, "avg_pool", 8);
        float[][] vectors = KerasEmbedder.load(model, m).embed(pngs, names);
        List<ProbeVectors.Image> images = new ArrayList<>();
        for (int i = 0; i < pngs.size(); i++) {
            images.add(new ProbeVectors.Image(names.get(i), Sha256.hex(pngs.get(i)),
                    Base64.getEncoder().encodeToString(pngs.get(i)), vectors[i]));
        }
        ProbeVectors probe = new ProbeVectors("resnet50", 224, "caffe", "avg_pool", 1e-4,
                model.getFileName() + " (SHA-256 " + Sha256.ofFile(model) + "), Deeplearning4j's Keras import",
                images);
        Files.writeString(Path.of(args[3]), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(probe));
        System.out.println("Wrote " + args[3]);
    }
}
