package dev.messaging.message;

/**
 * The language of a message: the one its author wrote in ({@code languageCode}), and when a
 * plugged-in {@link Translator} translated it ({@code isTranslated}), the text as written
 * ({@code originalText}; the message's text is then the translation).
 */
public record Translation(String languageCode, boolean isTranslated, String originalText) {
    public static final Translation NONE = new Translation(null, false, null);

    /** A text written in {@code languageCode}, not translated. */
    public static Translation written(String languageCode) {
        return new Translation(languageCode, false, null);
    }
}
