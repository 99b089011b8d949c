package org.tlrepro.maven;

/**
 * A file that holds the embedding network, as configured in the POM:
 * {@code <model><name>…</name><md5>…</md5><url>…</url></model>}: a whole Keras model file ({@code model.save}) or a
 * weights-only one ({@code save_weights}) of {@code tl.architecture}. {@code sha256}, {@code md5} and {@code url}
 * are optional.
 */
public class ModelFile extends FileParameter {

    @Override
    protected String element() {
        return "model";
    }

    @Override
    protected String where() {
        return "<models>";
    }
}
