package org.tlrepro.core.train;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The paper's CNN as {@code tl:train} built it for the prepared data (its Table 1): the input size and classes of
 * the images it trained on, and the layers with their parameter counts.
 *
 * @param imageSize side of the square RGB input
 * @param classes   class names, by label
 * @param layers    Table 1's rows
 */
public record TrainedNetwork(int imageSize, List<String> classes, List<PaperCnn.LayerRow> layers) {

    public TrainedNetwork {
        classes = List.copyOf(classes);
        layers = List.copyOf(layers);
    }

    /** Builds the network the trainers build ({@link PaperCnn#build}) and records its layers. */
    public static TrainedNetwork of(int imageSize, List<String> classes, Protocol protocol) {
        MultiLayerNetwork net = PaperCnn.build(imageSize, classes.size(), protocol, 1);
        try {
            return new TrainedNetwork(imageSize, classes, PaperCnn.table1(net, imageSize));
        } finally {
            net.close();
        }
    }

    /** Trainable parameters of all layers. */
    public long parameters() {
        return layers.stream().mapToLong(PaperCnn.LayerRow::parameters).sum();
    }
}
