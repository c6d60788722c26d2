package dev.messaging.generated;

import java.util.function.Consumer;

/**
 * Generated cases for plain JUnit 5 tests: {@code Cases.run(300, gen -> ...)} runs the body 300
 * times, each with inputs drawn from one seeded {@link Gen}. The seed is random unless the system
 * property {@value #SEED_PROPERTY} sets it; a failing case rethrows its error with the seed and the
 * case's number in its message, so that {@code -Dmessaging.seed=N} runs the same cases again (the
 * same draws in the same order, failing at the same case). No shrinking: the cases are small.
 */
public final class Cases {
    /** The system property that fixes the seed. */
    public static final String SEED_PROPERTY = "messaging.seed";

    private Cases() {
    }

    /** Runs {@code body} {@code tries} times on one seeded generator; see the class comment. */
    public static void run(int tries, Consumer<Gen> body) {
        String fixed = System.getProperty(SEED_PROPERTY);
        long seed = fixed != null ? Long.parseLong(fixed.strip()) : System.nanoTime() ^ Thread.currentThread().getId();
        Gen gen = new Gen(seed);
        for (int i = 1; i <= tries; i++) {
            try {
                body.accept(gen);
            } catch (AssertionError | RuntimeException e) {
                AssertionError failed = new AssertionError("case " + i + " of " + tries + " failed with seed " + seed
                        + " (run again with -D" + SEED_PROPERTY + "=" + seed + "): " + e.getMessage(), e);
                throw failed;
            }
        }
    }
}
