package org.tlrepro.core.param;

import org.tlrepro.core.TlException;

/** Parses a parameter's value into one of an enum's constants, case-insensitively. */
public final class Choices {

    private Choices() {
    }

    /**
     * @param property the parameter, for the error message (e.g. {@code tl.linkage})
     * @param choices  the accepted values in words, for the error message
     * @throws TlException naming the property, the value and the choices
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, String property, String choices) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        throw new TlException(property + " is '" + value + "': use " + choices);
    }
}
