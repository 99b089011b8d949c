package org.tlrepro.core.embed.onednn;

import java.util.LinkedHashMap;
import java.util.Map;

import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * An imported network's forward pass on oneDNN for any batch size and input side: one {@link OneDnnGraph} per
 * (batch, side) in use, the three most recent kept (a run needs the full batch, the last smaller one and the probe
 * images' size). Not thread-safe: one per embedding thread.
 */
public final class OneDnnEmbedding implements AutoCloseable {

    private static final int KEPT = 3;

    private final ComputationGraph graph;
    private final Map<String, OneDnnGraph> graphs = new LinkedHashMap<>(4, 0.75f, true);

    public OneDnnEmbedding(ComputationGraph graph) {
        this.graph = graph;
    }

    /**
     * @param nchw {@code n} images, [n, 3, size, size] row-major, preprocessed
     * @return one vector per image
     */
    public float[][] embed(float[] nchw, int n, int size) {
        String key = n + "x" + size;
        OneDnnGraph g = graphs.get(key);
        if (g == null) {
            g = new OneDnnGraph(graph, n, size);
            graphs.put(key, g);
            if (graphs.size() > KEPT) {
                String eldest = graphs.keySet().iterator().next();
                graphs.remove(eldest).close();
            }
        }
        g.input().put(nchw, 0, n * 3 * size * size);
        return g.run();
    }

    @Override
    public void close() {
        graphs.values().forEach(OneDnnGraph::close);
        graphs.clear();
    }
}
