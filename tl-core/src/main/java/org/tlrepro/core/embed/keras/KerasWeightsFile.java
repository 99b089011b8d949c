package org.tlrepro.core.embed.keras;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
import org.bytedeco.javacpp.PointerPointer;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.tlrepro.core.TlException;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_RDONLY;
import static org.bytedeco.hdf5.global.hdf5.H5T_STR_NULLPAD;

/**
 * Reads the weights of a Keras HDF5 file as Keras 2.2.4's {@code load_weights_from_hdf5_group} does: the
 * {@code layer_names} attribute (at the root of a {@code save_weights} file, in {@code model_weights} of a
 * {@code model.save} file, either possibly split into {@code layer_names0}, {@code layer_names1}... when long), and
 * for each layer its {@code weight_names} and their data sets. The HDF5 library is not thread-safe, so every call
 * holds the lock Deeplearning4j's own reader holds.
 */
public final class KerasWeightsFile {

    static {
        Loader.load(org.bytedeco.hdf5.global.hdf5.class);
    }

    private KerasWeightsFile() {
    }

    /** Whether {@code file} is a whole Keras model (it has a {@code model_config}), not only weights. */
    public static boolean isFullModel(Path file) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            H5File h5 = open(file);
            try {
                return h5.attrExists("model_config");
            } finally {
                h5.close();
                h5.deallocate();
            }
        }
    }

    /** Every layer's weights, in file order. */
    public static KerasWeights read(Path file) {
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            H5File h5 = open(file);
            try {
                boolean full = h5.attrExists("model_config");
                Group root = full ? h5.openGroup("model_weights") : h5;
                try {
                    List<String> names = stringList(root, "layer_names", file);
                    if (names == null) {
                        throw new TlException(file + " is not a Keras weights file: it has no layer_names "
                                + (full ? "in model_weights" : "attribute") + ". Save it with Keras's "
                                + "model.save_weights(path) or model.save(path) in HDF5 format");
                    }
                    String version = root.attrExists("keras_version") ? scalarString(root, "keras_version") : null;
                    List<KerasWeights.Layer> layers = new ArrayList<>();
                    for (String name : names) {
                        Group g = root.openGroup(name);
                        try {
                            List<String> weightNames = stringList(g, "weight_names", file);
                            List<KerasWeights.Weight> weights = new ArrayList<>();
                            for (String w : weightNames == null ? List.<String>of() : weightNames) {
                                weights.add(readDataSet(g, w));
                            }
                            if (!weights.isEmpty()) {
                                layers.add(new KerasWeights.Layer(name, List.copyOf(weights)));
                            }
                        } finally {
                            g.close();
                            g.deallocate();
                        }
                    }
                    return new KerasWeights(List.copyOf(layers), full, version);
                } finally {
                    if (root != h5) {
                        root.close();
                        root.deallocate();
                    }
                }
            } catch (RuntimeException e) {
                if (e instanceof TlException) {
                    throw e;
                }
                throw new TlException(file + " cannot be read as a Keras HDF5 file: " + e.getMessage()
                        + ". Check that the download is complete and is the file Keras saved", e);
            } finally {
                h5.close();
                h5.deallocate();
            }
        }
    }

    private static H5File open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TlException(file + " does not exist");
        }
        try {
            return new H5File(file.toString(), H5F_ACC_RDONLY());
        } catch (RuntimeException e) {
            throw new TlException(file + " is not an HDF5 file (" + e.getMessage() + "): a Keras model or weights "
                    + "file is; check that the download is complete", e);
        }
    }

    /**
     * A string-array attribute, or {@code null} if absent. Keras splits one longer than an HDF5 object header holds
     * into {@code name0}, {@code name1}, ... (saving.py's {@code save_attributes_to_hdf5_group}).
     */
    private static List<String> stringList(Group group, String name, Path file) {
        if (group.attrExists(name)) {
            return fixedStrings(group, name, file);
        }
        if (!group.attrExists(name + "0")) {
            return null;
        }
        List<String> all = new ArrayList<>();
        for (int chunk = 0; group.attrExists(name + chunk); chunk++) {
            all.addAll(fixedStrings(group, name + chunk, file));
        }
        return all;
    }

    private static List<String> fixedStrings(Group group, String name, Path file) {
        Attribute a = group.openAttribute(name);
        DataSpace space = a.getSpace();
        StrType type = a.getStrType();
        try {
            if (type.isVariableStr()) {
                throw new TlException(file + ": attribute " + name + " holds variable-length strings; Keras writes "
                        + "fixed-length ones (numpy bytes). Save the file with Keras");
            }
            int n = (int) space.getSimpleExtentNpoints();
            int size = (int) type.getSize();
            byte[] bytes = new byte[n * size];
            if (bytes.length > 0) {
                // read null-padded, as numpy writes them: a null-terminated memory type would drop the last
                // character of a name that fills its field
                StrType memory = new StrType(PredType.C_S1(), size);
                memory.setStrpad(H5T_STR_NULLPAD);
                BytePointer buffer = new BytePointer(bytes.length);
                a.read(memory, (Pointer) buffer); // void*: the BytePointer overload is std::string&
                memory.deallocate();
                buffer.get(bytes);
                buffer.deallocate();
            }
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int end = i * size;
                while (end < (i + 1) * size && bytes[end] != 0) {
                    end++;
                }
                out.add(new String(bytes, i * size, end - i * size, StandardCharsets.UTF_8));
            }
            return out;
        } finally {
            type.deallocate();
            space.deallocate();
            a.close();
            a.deallocate();
        }
    }

    /** A scalar string attribute, fixed or variable length. */
    private static String scalarString(Group group, String name) {
        Attribute a = group.openAttribute(name);
        StrType type = a.getStrType();
        try {
            if (type.isVariableStr()) {
                PointerPointer<BytePointer> p = new PointerPointer<>(1);
                a.read(type, p);
                BytePointer s = p.get(BytePointer.class, 0);
                return s == null ? null : s.getString(StandardCharsets.UTF_8);
            }
            byte[] bytes = new byte[(int) type.getSize()];
            StrType memory = new StrType(PredType.C_S1(), bytes.length);
            memory.setStrpad(H5T_STR_NULLPAD);
            BytePointer buffer = new BytePointer(bytes.length);
            a.read(memory, (Pointer) buffer); // void*: the BytePointer overload is std::string&
            memory.deallocate();
            buffer.get(bytes);
            int end = 0;
            while (end < bytes.length && bytes[end] != 0) {
                end++;
            }
            return new String(bytes, 0, end, StandardCharsets.UTF_8);
        } finally {
            type.deallocate();
            a.close();
            a.deallocate();
        }
    }

    private static KerasWeights.Weight readDataSet(Group layer, String name) {
        DataSet ds = layer.openDataSet(name);
        DataSpace space = ds.getSpace();
        try {
            int rank = space.getSimpleExtentNdims();
            long[] shape = new long[rank];
            space.getSimpleExtentDims(shape);
            long count = space.getSimpleExtentNpoints();
            if (count > Integer.MAX_VALUE) {
                throw new TlException("weight " + name + " has " + count + " values, more than tl can hold");
            }
            float[] values = new float[(int) count];
            FloatPointer buffer = new FloatPointer(count);
            ds.read(buffer, PredType.NATIVE_FLOAT());
            buffer.get(values);
            buffer.deallocate();
            return new KerasWeights.Weight(name, shape, values);
        } finally {
            space.deallocate();
            ds.close();
            ds.deallocate();
        }
    }
}
