package dev.messaging.jdbi;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

/**
 * A closed set as rows spell it: one letter per value, both ways. Rows hold the letters, so a
 * value's letter never changes; every value of the enum must have one (checked when built).
 */
final class Letters<E extends Enum<E>> {
    private final String what;
    private final Map<E, String> letters;
    private final Map<String, E> values = new HashMap<>();

    Letters(String what, Class<E> type, Map<E, String> letters) {
        this.what = what;
        this.letters = new EnumMap<>(letters);
        if (!this.letters.keySet().equals(EnumSet.allOf(type))) {
            throw new IllegalStateException(what + ": a letter for every value, got " + letters.keySet());
        }
        letters.forEach((value, letter) -> {
            if (values.put(letter, value) != null) {
                throw new IllegalStateException(what + ": letter " + letter + " twice");
            }
        });
    }

    String letter(E value) {
        return letters.get(value);
    }

    E value(String letter) {
        E value = values.get(letter);
        if (value == null) {
            throw new IllegalStateException("unknown " + what + " in a row: " + letter);
        }
        return value;
    }
}
