package org.tlrepro.core.data;

/**
 * One original image of the data set, as the manifest lists it.
 *
 * @param className  class folder name in the archive ("Parasitized", "Uninfected")
 * @param filename   file name inside the class folder
 * @param sha256     SHA-256 of the original file's bytes, lower-case hex
 * @param sizeBytes  size of the original file
 */
public record ImageRecord(String className, String filename, String sha256, long sizeBytes) {

    /** The key under which the archive holds this image: {@code <class>/<filename>}. */
    public String key() {
        return className + "/" + filename;
    }
}
