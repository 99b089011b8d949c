package org.tlrepro.maven;

/**
 * A file that holds the embedding network, as configured in the POM:
 * {@code <model><name>…</name><md5>…</md5><url>…</url></model>}: a whole Keras model file ({@code model.save}) or a
 * weights-only one ({@code save_weights}) of {@code tl.architecture}. {@code sha256}, {@code md5} and {@code url}
 * are optional.
 */
public class ModelFile extends FileParameter {

    private String where = "<models>";

    /** The one file of {@code -Dtl.model=...}, which wins over the POM's list; its errors name those properties. */
    static ModelFile ofProperties(String name, String sha256, String md5, String url) {
        ModelFile one = new ModelFile();
        one.setName(name.trim());
        one.setSha256(sha256);
        one.setMd5(md5);
        one.setUrl(url);
        one.where = "tl.model, tl.modelSha256, tl.modelMd5 and tl.modelUrl";
        return one;
    }

    @Override
    protected String element() {
        return "model";
    }

    @Override
    protected String where() {
        return where;
    }
}
