package dev.messaging.spi;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How text is cut into searchable tokens: accents removed (NFD, combining marks dropped), lower
 * case, split on anything that is not a letter or digit. A query term matches a token it is a
 * prefix of. Stores index documents with {@link #tokens} and queries with {@link #terms}.
 */
public final class TextTokens {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextTokens() {
    }

    /** The distinct tokens of a document, in order of first appearance. */
    public static Set<String> tokens(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        if (text == null) {
            return tokens;
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .toLowerCase(Locale.ROOT);
        for (String token : SEPARATORS.split(folded)) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
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
