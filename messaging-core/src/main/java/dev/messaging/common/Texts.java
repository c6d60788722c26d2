package dev.messaging.common;

/**
 * What every text and id the library accepts must be, for a service that checks its input before
 * it calls: text is well-formed UTF-16 with no NUL and no control character but tab, CR and LF;
 * an id is such a text, not blank, with no control character at all, of at most
 * {@value #MAX_ID_LENGTH} characters. Each method returns the problem, or null when there is none.
 */
public final class Texts {
    /** Longest id accepted, in characters (code points). */
    public static final int MAX_ID_LENGTH = 128;

    private Texts() {
    }

    /**
     * What is wrong with an id, or null: blank, a control character (tab, CR and LF included), a
     * lone surrogate, more than {@value #MAX_ID_LENGTH} characters.
     */
    public static String idProblem(String value) {
        if (value.isBlank()) {
            return "must not be blank";
        }
        String problem = problemOf(value);
        if (problem != null) {
            return problem;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return "contains control character U+" + String.format("%04X", (int) value.charAt(i)) + " at index " + i;
            }
        }
        int length = value.codePointCount(0, value.length());
        return length > MAX_ID_LENGTH ? "is longer than " + MAX_ID_LENGTH + " characters (" + length + ")" : null;
    }

    /** What is wrong with the characters of {@code value}, or null when nothing is. */
    public static String problemOf(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character at index " + i;
            }
            if (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n') {
                return "contains control character U+" + String.format("%04X", (int) c) + " at index " + i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains a lone surrogate at index " + i;
            }
            if (Character.isLowSurrogate(c)) {
                return "contains a lone surrogate at index " + i;
            }
        }
        return null;
    }
}
