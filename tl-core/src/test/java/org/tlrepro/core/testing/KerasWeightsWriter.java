package org.tlrepro.core.testing;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_TRUNC;
import static org.bytedeco.hdf5.global.hdf5.H5T_STR_NULLPAD;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

import org.bytedeco.hdf5.Attribute;
import org.bytedeco.hdf5.DataSet;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.Group;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.hdf5.PredType;
import org.bytedeco.hdf5.StrType;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.tlrepro.core.embed.keras.KerasWeights;
import org.tlrepro.core.embed.keras.KerasWeightsFile;

/**
 * Writes Keras weights-only HDF5 files as Keras 2.2.4's {@code save_weights} lays them out (root attributes
 * {@code layer_names}, {@code backend}, {@code keras_version}; a group per layer with its {@code weight_names} and a
 * data set per weight at {@code <layer>/<weight name>}), for tests: a weights-only copy of a whole model file, made
 * the way Keras would save its weights, or a synthetic file of given names and shapes.
 */
public final class KerasWeightsWriter {

    static {
        Loader.load(org.bytedeco.hdf5.global.hdf5.class);
    }

    private KerasWeightsWriter() {
    }

    /** The weights of {@code model} (a whole model or weights file) as a weights-only file at {@code target}. */
    public static Path weightsOnlyCopy(Path model, Path target) {
        return weightsOnlyCopy(model, target, UnaryOperator.identity());
    }

    /** As {@link #weightsOnlyCopy(Path, Path)}, with each layer passed through {@code change} (to spoil one). */
    public static Path weightsOnlyCopy(Path model, Path target, UnaryOperator<KerasWeights.Layer> change) {
        KerasWeights weights = KerasWeightsFile.read(model);
        write(target, weights.layers().stream().map(change).toList());
        return target;
    }

    /** Writes {@code layers} (weights in each layer's order) as a weights-only file. */
    public static void write(Path target, List<KerasWeights.Layer> layers) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            H5File file = new H5File(target.toString(), H5F_ACC_TRUNC());
            try {
                strings(file, "layer_names", layers.stream().map(KerasWeights.Layer::name).toList());
                strings(file, "backend", List.of("tensorflow"));
                strings(file, "keras_version", List.of("2.2.4"));
                for (KerasWeights.Layer layer : layers) {
                    Group g = file.createGroup(layer.name());
                    strings(g, "weight_names", layer.weights().stream().map(KerasWeights.Weight::name).toList());
                    for (KerasWeights.Weight w : layer.weights()) {
                        dataSet(g, w);
                    }
                    g.close();
                    g.deallocate();
                }
            } finally {
                // every HDF5 object is freed here, under the lock: JavaCPP would otherwise free it on its own thread,
                // and the HDF5 library is not thread-safe
                file.close();
                file.deallocate();
            }
        }
    }

    /** A weight that is {@code values} scaled by {@code factor}: the same shapes, other numbers. */
    public static KerasWeights.Layer scaled(KerasWeights.Layer layer, float factor) {
        return new KerasWeights.Layer(layer.name(), layer.weights().stream().map(w -> {
            float[] v = w.values().clone();
            for (int i = 0; i < v.length; i++) {
                v[i] *= factor;
            }
            return new KerasWeights.Weight(w.name(), w.shape(), v);
        }).toList());
    }

    private static void dataSet(Group layer, KerasWeights.Weight w) {
        // a name like conv1/kernel:0 is a data set in a sub-group, as h5py makes it
        String[] parts = w.name().split("/");
        List<Group> opened = new java.util.ArrayList<>();
        Group parent = layer;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parent.nameExists(parts[i]) ? parent.openGroup(parts[i]) : parent.createGroup(parts[i]);
            opened.add(parent);
        }
        DataSpace space = new DataSpace(w.shape().length, w.shape());
        DataSet ds = parent.createDataSet(parts[parts.length - 1], PredType.IEEE_F32LE(), space);
        FloatPointer values = new FloatPointer(w.values());
        ds.write(values, PredType.NATIVE_FLOAT());
        values.deallocate();
        ds.close();
        ds.deallocate();
        space.close();
        space.deallocate();
        for (Group g : opened) {
            g.close();
            g.deallocate();
        }
    }

    private static void strings(Group target, String name, List<String> values) {
        int size = Math.max(1, values.stream().mapToInt(v -> v.getBytes(StandardCharsets.UTF_8).length).max()
                .orElse(1));
        byte[] bytes = new byte[values.size() * size];
        for (int i = 0; i < values.size(); i++) {
            byte[] v = values.get(i).getBytes(StandardCharsets.UTF_8);
            System.arraycopy(v, 0, bytes, i * size, v.length);
        }
        StrType type = new StrType(PredType.C_S1(), size);
        type.setStrpad(H5T_STR_NULLPAD); // as numpy's bytes arrays, which Keras writes
        DataSpace space = new DataSpace(1, new long[] {values.size()});
        Attribute a = target.createAttribute(name, type, space);
        BytePointer buffer = new BytePointer(bytes);
        a.write(type, (Pointer) buffer); // void*, not std::string&
        buffer.deallocate();
        a.close();
        a.deallocate();
        space.close();
        space.deallocate();
        type.deallocate();
    }
}
