package dev.messaging.outbox;

import java.util.Locale;
import java.util.Set;

/**
 * The keyword an inbound SMS is, matched the way carriers match STOP and START: the whole text,
 * with the white space (any Unicode space) and format characters (zero-width spaces and joiners, a
 * byte-order mark) around it and the punctuation after it left out, in upper case without the
 * default locale. "Stop.", " STOP!! " and a STOP between zero-width spaces are STOP; "please stop"
 * is not a keyword.
 */
final class Keywords {
    /** The words that ask for help (CTIA): answered with the configured help reply. */
    static final Set<String> HELP = Set.of("HELP", "INFO");

    private Keywords() {
    }

    /** The keyword candidate of {@code text}: trimmed as the class comment says, in upper case. */
    static String wordOf(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isPadding(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start) {
            int last = text.codePointBefore(end);
            if (!isPadding(last) && !isPunctuation(last)) {
                break;
            }
            end -= Character.charCount(last);
        }
        return text.substring(start, end).toUpperCase(Locale.ROOT);
    }

    private static boolean isPadding(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || Character.getType(codePoint) == Character.FORMAT;
    }

    private static boolean isPunctuation(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }
}
