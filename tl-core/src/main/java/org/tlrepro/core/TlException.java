package org.tlrepro.core;

/**
 * A failure the user can act on: the message names the file or parameter at fault and what to do about it.
 * The Maven plugin turns it into a build failure with that message.
 */
public class TlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TlException(String message) {
        super(message);
    }

    public TlException(String message, Throwable cause) {
        super(message, cause);
    }
}
