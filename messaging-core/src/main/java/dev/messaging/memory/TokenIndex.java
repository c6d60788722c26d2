package dev.messaging.memory;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * An inverted index from token to documents (a message, or a conversation's contact), each
 * document belonging to a conversation. A prefix query walks only the tokens that start with the
 * term, so its cost follows the number of matches, not the number of documents.
 */
final class TokenIndex {
    private final NavigableMap<String, Set<String>> postings = new TreeMap<>();
    private final Map<String, String> conversationOfDocument = new HashMap<>();
    private final Map<String, Set<String>> tokensOfDocument = new HashMap<>();

    void put(String document, String conversationId, Set<String> tokens) {
        remove(document);
        if (tokens.isEmpty()) {
            return;
        }
        conversationOfDocument.put(document, conversationId);
        tokensOfDocument.put(document, tokens);
        for (String token : tokens) {
            postings.computeIfAbsent(token, t -> new HashSet<>()).add(document);
        }
    }

    void remove(String document) {
        Set<String> tokens = tokensOfDocument.remove(document);
        conversationOfDocument.remove(document);
        if (tokens == null) {
            return;
        }
        for (String token : tokens) {
            Set<String> documents = postings.get(token);
            documents.remove(document);
            if (documents.isEmpty()) {
                postings.remove(token);
            }
        }
    }

    /**
     * The conversations that have one document matching every term; {@code touched} counts the
     * postings read.
     */
    Set<String> conversationsMatching(Collection<String> terms, long[] touched) {
        Set<String> documents = null;
        for (String term : terms) {
            Set<String> matching = new HashSet<>();
            for (Map.Entry<String, Set<String>> entry : postings.tailMap(term, true).entrySet()) {
                if (!entry.getKey().startsWith(term)) {
                    break;
                }
                touched[0] += entry.getValue().size();
                if (documents == null) {
                    matching.addAll(entry.getValue());
                } else {
                    for (String document : entry.getValue()) {
                        if (documents.contains(document)) {
                            matching.add(document);
                        }
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
                conversations.add(conversationOfDocument.get(document));
            }
        }
        return conversations;
    }
}
