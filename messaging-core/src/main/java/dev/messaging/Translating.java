package dev.messaging;

import dev.messaging.common.Tenant;
import dev.messaging.kernel.Validator;
import dev.messaging.message.NewMessage;
import dev.messaging.message.Translation;
import dev.messaging.message.Translator;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The plugged-in {@link Translator}, run before the write transaction (a slow translator must not
 * hold the tenant's writers) on daemon threads with a time limit. A translator that fails, times
 * out or returns text the validator would refuse leaves the message untranslated: it is never lost.
 */
final class Translating implements AutoCloseable {
    private final Translator translator;
    private final Function<Tenant, String> locationLanguage;
    private final Duration timeout;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "messaging-translator");
        thread.setDaemon(true);
        return thread;
    });

    Translating(Translator translator, Function<Tenant, String> locationLanguage, Duration timeout) {
        this.translator = translator;
        this.locationLanguage = locationLanguage;
        this.timeout = timeout;
    }

    NewMessage apply(Tenant tenant, NewMessage request, String fromLanguage, Validator check) {
        String to = locationLanguage.apply(tenant);
        NewMessage.Builder kept = request.toBuilder().languageCode(fromLanguage);
        if (to == null || to.equals(fromLanguage) || request.text() == null || request.translation().isTranslated()) {
            return kept.build();
        }
        Future<String> result = threads.submit(() -> translator.translate(request.text(), fromLanguage, to));
        try {
            String translated = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            check.requiredText("translation", translated);
            if (check.hasErrors()) {
                return kept.build();
            }
            return kept.text(translated).translation(new Translation(fromLanguage, true, request.text())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return kept.build();
        } catch (Exception e) {
            result.cancel(true);
            return kept.build(); // failed or too slow: stored untranslated
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
