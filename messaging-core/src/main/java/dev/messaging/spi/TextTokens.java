package dev.messaging.spi;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How text is cut into searchable tokens — the one definition every store indexes and queries
 * with: compatibility decomposition (NFKD: "ﬁ" is "fi", "²" is "2"), combining marks dropped
 * ("é" is "e"), lower case, then the letters that have no decomposition folded by hand ("ø" is
 * "o", "ł" is "l", "æ" is "ae", "ß" is "ss", final "ς" is "σ", ...), and split on anything that
 * is not a letter or a digit. A query term matches a token it is a prefix of. Stores index
 * documents with {@link #tokens} and query with {@link #terms}, and must not fold again.
 */
public final class TextTokens {
    /** Letters that survive NFKD and lower-casing, with what they fold to. */
    private static final String[][] FOLDS = {
        {"ø", "o"}, {"ł", "l"}, {"đ", "d"}, {"ð", "d"}, {"þ", "th"}, {"æ", "ae"}, {"œ", "oe"}, {"ß", "ss"},
        {"ı", "i"}, {"ħ", "h"}, {"ŧ", "t"}, {"ĸ", "k"}, {"ŋ", "n"}, {"ƒ", "f"}, {"ǥ", "g"}, {"ɨ", "i"},
        {"ƶ", "z"}, {"ɍ", "r"}, {"ς", "σ"},
    };

    private TextTokens() {
    }

    /** {@code text} folded as the index keeps it (before it is split). */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            folded.appendCodePoint(cp);
        }
        String lower = folded.toString().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            out.append(foldLetter(cp));
        }
        return out.toString();
    }

    private static String foldLetter(int cp) {
        for (String[] fold : FOLDS) {
            if (fold[0].codePointAt(0) == cp) {
                return fold[1];
            }
        }
        return new String(Character.toChars(cp));
    }

    /** The distinct tokens of a document, in order of first appearance. */
    public static Set<String> tokens(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        if (text == null) {
            return tokens;
        }
        String folded = fold(text);
        int start = -1;
        for (int i = 0; i <= folded.length(); ) {
            int cp = i < folded.length() ? folded.codePointAt(i) : ' ';
            boolean wordChar = i < folded.length() && isWordChar(cp);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                tokens.add(folded.substring(start, i));
                start = -1;
            }
            i += i < folded.length() ? Character.charCount(cp) : 1;
        }
        return tokens;
    }

    /** Letters and numbers of any kind make words; everything else separates them. */
    private static boolean isWordChar(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** The tokens of several fields of one document (a contact's names, email, phone). */
    public static Set<String> tokens(String... fields) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String field : fields) {
            tokens.addAll(tokens(field));
        }
        return tokens;
    }

    /** The terms of a query: its tokens; all must match one document. */
    public static List<String> terms(String query) {
        return new ArrayList<>(tokens(query));
    }
}
