package dev.messaging.memory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An inverted index from token to documents (a message, or a conversation's contact), each
 * document belonging to a conversation. A prefix query walks only the tokens that start with the
 * term, so its cost follows the number of matches, not the number of documents.
 *
 * <p>Heap per message was measured as the constraint here: a token found in one document only
 * (an order number, a name) keeps that document itself rather than a set of one, a token of many
 * documents keeps them in one array ({@link DocumentSet}), and a document's conversation is asked
 * of the caller rather than kept per document. A token is kept as its UTF-8 bytes, not as a
 * {@code String} around them (24 bytes less per token; most messages have a token of their own):
 * unsigned byte order is code point order, and a prefix of the bytes is a prefix of the text, so
 * a prefix's tokens are still one run of the sorted map.
 */
final class TokenIndex {
    /** Token to its documents: a {@code String} for one document, a {@link DocumentSet} for more. */
    private final NavigableMap<byte[], Object> postings = new TreeMap<>(Arrays::compareUnsigned);
    private final Function<String, String> conversationOf;

    /** An empty index; {@code conversationOf} names the conversation of any document in it. */
    TokenIndex(Function<String, String> conversationOf) {
        this.conversationOf = conversationOf;
    }

    /** Indexes a document not in the index ({@link #remove} it first with the tokens it had). */
    void put(String document, Set<String> tokens) {
        for (String token : tokens) {
            postings.merge(bytes(token), document, TokenIndex::withDocument);
        }
    }

    private static Object withDocument(Object documents, Object document) {
        if (documents instanceof String one) {
            DocumentSet two = new DocumentSet();
            two.add(one);
            two.add((String) document);
            return two;
        }
        ((DocumentSet) documents).add((String) document);
        return documents;
    }

    /**
     * Takes {@code document} out, given the tokens it was indexed with. The caller derives them
     * again from the row it replaces: keeping each document's tokens here was measured as the
     * largest part of the store's heap per message.
     */
    void remove(String document, Set<String> tokens) {
        for (String text : tokens) {
            byte[] token = bytes(text);
            Object documents = postings.get(token);
            if (documents instanceof String one) {
                if (one.equals(document)) {
                    postings.remove(token);
                }
            } else if (documents instanceof DocumentSet many && many.remove(document) && many.size() == 1) {
                postings.put(token, many.iterator().next());
            }
        }
    }

    /**
     * The conversations that have one document matching every term; {@code touched} counts the
     * postings read.
     */
    Set<String> conversationsMatching(Collection<String> terms, long[] touched) {
        Set<String> documents = null;
        for (String text : terms) {
            byte[] term = bytes(text);
            Set<String> matching = new HashSet<>();
            for (var entry : postings.tailMap(term, true).entrySet()) {
                if (!startsWith(entry.getKey(), term)) {
                    break;
                }
                Collection<String> ofToken = documentsOf(entry.getValue());
                touched[0] += ofToken.size();
                for (String document : ofToken) {
                    if (documents == null || documents.contains(document)) {
                        matching.add(document);
                    }
                }
            }
            documents = matching;
            if (documents.isEmpty()) {
                break;
            }
        }
        Set<String> conversations = new HashSet<>();
        if (documents != null) {
            for (String document : documents) {
                conversations.add(conversationOf.apply(document));
            }
        }
        return conversations;
    }

    private static Collection<String> documentsOf(Object documents) {
        return documents instanceof String one ? Set.of(one) : (DocumentSet) documents;
    }

    private static byte[] bytes(String token) {
        return token.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean startsWith(byte[] token, byte[] prefix) {
        return token.length >= prefix.length && Arrays.equals(token, 0, prefix.length, prefix, 0, prefix.length);
    }
}
