package org.tlrepro.maven;

/**
 * An archive of the original images, as configured in the POM:
 * {@code <archive><name>…</name><sha256>…</sha256><url>…</url></archive>}.
 * {@code sha256}, {@code md5} and {@code url} are optional.
 */
public class Archive extends FileParameter {

    @Override
    protected String element() {
        return "archive";
    }

    @Override
    protected String where() {
        return "<archives> of tl:prepare";
    }
}
