package dev.messaging.generated;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** Draws of generated inputs from one seeded {@link SplittableRandom} (see {@link Cases}). */
public final class Gen {
    private final SplittableRandom random;

    Gen(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** An int from {@code min} to {@code max}, both included. */
    public int between(int min, int max) {
        return (int) random.nextLong(min, (long) max + 1);
    }

    /** A long from {@code min} to {@code max}, both included. */
    public long between(long min, long max) {
        if (max < Long.MAX_VALUE) {
            return random.nextLong(min, max + 1);
        }
        long value = random.nextLong();
        while (value < min) {
            value = random.nextLong();
        }
        return value;
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** One of {@code values}, each as likely. */
    @SafeVarargs
    public final <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** One of {@code values}, each as likely. */
    public <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** The value of one of {@code sources}, each source as likely. */
    @SafeVarargs
    public final <T> T oneFrom(Supplier<? extends T>... sources) {
        return sources[random.nextInt(sources.length)].get();
    }

    /** A list of {@code min} to {@code max} elements, each drawn by {@code element}. */
    public <T> List<T> list(int min, int max, Supplier<T> element) {
        int size = between(min, max);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    /** A string of {@code min} to {@code max} characters, each one of {@code alphabet}. */
    public String string(int min, int max, String alphabet) {
        int length = between(min, max);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** A string of {@code min} to {@code max} characters from {@code from} to {@code to}, both included. */
    public String string(int min, int max, char from, char to) {
        int length = between(min, max);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) between(from, to));
        }
        return s.toString();
    }

    /** A string of {@code min} to {@code max} UTF-16 units of any value (lone surrogates and controls included). */
    public String anyChars(int min, int max) {
        return string(min, max, Character.MIN_VALUE, Character.MAX_VALUE);
    }

    /**
     * A string of {@code min} to {@code max} code points, any of Unicode's but the surrogates
     * (which no text the library accepts holds alone), controls and astral planes included.
     */
    public String unicode(int min, int max) {
        StringBuilder s = new StringBuilder();
        for (int n = between(min, max); n > 0; n--) {
            int codePoint = chance(0.5) ? between(0, 0x7f) : between(0x80, Character.MAX_CODE_POINT);
            s.appendCodePoint(Character.isSurrogate((char) codePoint) && codePoint <= 0xffff ? 'x' : codePoint);
        }
        return s.toString();
    }

    /** A map of up to {@code max} entries, keys and values drawn by the given sources. */
    public <K, V> Map<K, V> map(int max, Supplier<K> key, Supplier<V> value) {
        Map<K, V> map = new LinkedHashMap<>();
        int size = between(0, max);
        for (int i = 0; i < size; i++) {
            map.put(key.get(), value.get());
        }
        return map;
    }

    /** The subset of {@code values} each kept with probability one half, in their order. */
    public <T> List<T> subsetOf(List<T> values) {
        List<T> subset = new ArrayList<>();
        for (T value : values) {
            if (random.nextBoolean()) {
                subset.add(value);
            }
        }
        return subset;
    }

    /** Shuffles {@code list} in place (Fisher-Yates), every order as likely. */
    public <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
