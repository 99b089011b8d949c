package org.tlrepro.core.stage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of a library on the class path, from the {@code pom.properties} Maven puts in its jar. */
public final class ArtifactVersion {

    private ArtifactVersion() {
    }

    /** The version in {@code META-INF/maven/<group>/<artifact>/pom.properties}, or "unknown". */
    public static String of(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = ArtifactVersion.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
