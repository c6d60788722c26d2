package dev.messaging.message;

/**
 * Translates a customer's message into the location's language, plugged in by the service
 * ({@code Messaging.builder(store).translator(...)}). Without one nothing is translated. A
 * translator that throws or does not answer in time never loses the message: it is stored
 * untranslated.
 */
@FunctionalInterface
public interface Translator {
    /**
     * @param text         what the customer wrote
     * @param fromLanguage the customer's language code (from the contact), or null if unknown
     * @param toLanguage   the location's language code
     * @return the translation
     */
    String translate(String text, String fromLanguage, String toLanguage) throws Exception;
}
